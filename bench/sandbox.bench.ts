// Sandbox figures for `npm run bench`: start-up, gateway overhead, memory after lab-like flows.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startSandboxProcess } from '../sandbox/sandbox-process.ts';
import { resetSandbox } from '../sandbox/reset.ts';
import { median, medianMs } from './median.ts';
import { labFlows, rssMb, sixCalls, type Wrap } from './lab-flows.ts';
import { backendToken, direct } from './moto-direct.ts';

/** As `infralabs sandbox` starts it: a new Node process, moto, the gateway, until both answer. */
async function startToReady(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const sandbox = await startSandboxProcess({ port: 0 });
    times.push(performance.now() - started);
    await sandbox.stop();
  }
  return median(times);
}

/** A pass-through proxy in its own process: Node's HTTP server and client and nothing else, the
 *  floor that any gateway in a separate process pays on this machine. */
async function passThroughProxy(backendUrl: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const script = `
    const http = await import('node:http');
    const backend = new URL(${JSON.stringify(backendUrl)});
    const agent = new http.Agent({ keepAlive: true });
    const server = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk)).on('end', () => {
        const headers = { ...request.headers, 'x-moto-account-id': '100000000001', 'x-infralabs-backend-token': ${JSON.stringify(backendToken)} };
        http.request({ host: backend.hostname, port: backend.port, method: request.method, path: request.url, headers, agent }, (answer) => {
          const parts = [];
          answer.on('data', (part) => parts.push(part)).on('end', () => { response.writeHead(answer.statusCode, answer.headers); response.end(Buffer.concat(parts)); });
        }).end(Buffer.concat(chunks));
      });
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write('http://127.0.0.1:' + server.address().port + '\\n'));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout!, 'data') as [Buffer];
  return { endpoint: line.toString().trim(), child };
}

async function gatewayRatio(sandbox: { endpoint: string; backendUrl: string; proxyUrl: string }): Promise<{ viaGateway: number; straight: number; viaProxy: number }> {
  const account = '100000000001';
  const viaGateway = sixCalls(sandbox.endpoint, account);
  const straight = sixCalls(sandbox.backendUrl, account, ((c) => direct(c, account)) as Wrap);
  const viaProxy = sixCalls(sandbox.proxyUrl, account);
  const rounds = { viaGateway, straight, viaProxy };
  // Interleaved rounds, so that the shared machine's noise falls on all alike.
  const times = { viaGateway: [] as number[], straight: [] as number[], viaProxy: [] as number[] };
  for (const run of Object.values(rounds)) await run();
  for (let i = 0; i < 30; i++) {
    for (const [name, run] of Object.entries(rounds)) times[name as keyof typeof rounds].push(await medianMs(1, run));
  }
  return { viaGateway: median(times.viaGateway), straight: median(times.straight), viaProxy: median(times.viaProxy) };
}

export default async function bench() {
  const start = await startToReady();
  // As `infralabs sandbox` runs it, so that its memory is the sandbox's alone.
  const sandbox = await startSandboxProcess({ port: 0 });
  const { backendUrl } = sandbox;
  const proxy = await passThroughProxy(backendUrl);
  try {
    const { viaGateway, straight, viaProxy } = await gatewayRatio({ endpoint: sandbox.endpoint, backendUrl, proxyUrl: proxy.endpoint });
    const rss = () => ({ moto: rssMb(sandbox.backendPid), gateway: rssMb(sandbox.pid) });
    const accounts = Array.from({ length: 10 }, (_, i) => String(200_000_000_000 + i));
    // Every flow must go through on our sandbox, or the memory figures would not be of all of them.
    const everyFlow = async (account: string) => {
      const refused = await labFlows(sandbox.endpoint, account);
      if (refused.length) throw new Error(`The sandbox refused lab flows: ${refused.join(', ')}`);
    };
    await everyFlow(accounts[0]!);
    const oneLearner = rss();
    for (const account of accounts.slice(1)) await everyFlow(account);
    const tenLearners = rss();
    for (const account of accounts) await resetSandbox(sandbox.endpoint, { account });
    const afterReset = rss();
    const total = (figures: { moto: number; gateway: number }) => Math.round(figures.moto + figures.gateway);
    return [
      { name: 'sandbox start to ready (its process, moto and the gateway)', value: Math.round(start), unit: 'ms' },
      { name: '6 lab API calls one after another, through the gateway', value: viaGateway, unit: 'ms' },
      { name: 'the same calls straight to moto', value: straight, unit: 'ms' },
      { name: 'gateway / straight ratio (the 1.15 target is retired: issue #16 compares with the peers, `npm run bench peers`)', value: viaGateway / straight, unit: 'x' },
      { name: 'pass-through Node proxy (no gateway logic) / straight ratio: the floor of a separate process', value: viaProxy / straight, unit: 'x' },
      { name: `RSS moto + gateway after every lab flow, one learner (moto ${Math.round(oneLearner.moto)} MB)`, value: total(oneLearner), unit: 'MB', target: '<= 300 MB' },
      { name: `RSS moto + gateway after every lab flow in ${accounts.length} accounts`, value: total(tenLearners), unit: 'MB' },
      { name: `RSS moto + gateway after resetting those ${accounts.length} accounts`, value: total(afterReset), unit: 'MB' },
    ];
  } finally {
    proxy.child.kill();
    await sandbox.stop();
  }
}
