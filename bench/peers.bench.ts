// `npm run bench peers` (issue #16): the same calls and lab flows through our sandbox, straight to
// moto, and straight to MiniStack and LocalStack (each when it can be installed here: LocalStack
// needs Python 3.13), in one run: start to ready, the median of the six lab calls, and the memory
// after every lab's flow in 10 accounts, each beside ours as a ratio. Targets (issue #16): our six
// calls at or below MiniStack's, our start at or below LocalStack's.
import { MotoBackend } from '../sandbox/backend.ts';
import { EmulatorBackend } from '../sandbox/backends/emulator-backend.ts';
import { localstack, ministack, type Emulator } from '../sandbox/backends/emulators.ts';
import { startSandboxProcess } from '../sandbox/sandbox-process.ts';
import { findPython } from '../sandbox/venv.ts';
import { labFlows, sixCalls, treeRssMb, type Wrap } from './lab-flows.ts';
import { median, medianMs } from './median.ts';
import './moto-direct.ts';

interface Peer {
  name: string;
  endpoint: string;
  /** What every client sends this peer (moto straight needs its token and the account header). */
  wrap: (account: string) => Wrap;
  /** The root of its processes, for their memory. */
  pid: number | undefined;
  stop(): Promise<void>;
}

const plain = () => ((client) => client) as Wrap;

/** moto's own headers (its token, the account) on every request, as the gateway sends them. */
function motoHeaders(moto: MotoBackend): (account: string) => Wrap {
  return (account) => ((client) => {
    (client.middlewareStack.add as (m: unknown, o: unknown) => void)(
      (next: (args: { request: { headers: Record<string, string> } }) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
        Object.assign(args.request.headers, moto.headers(), { 'x-moto-account-id': account });
        return next(args);
      },
      { step: 'build' },
    );
    return client;
  }) as Wrap;
}

const starters: Record<string, () => Promise<Peer>> = {
  async 'our sandbox'() {
    const sandbox = await startSandboxProcess({ port: 0 });
    return { name: 'our sandbox', endpoint: sandbox.endpoint, wrap: plain, pid: sandbox.pid, stop: () => sandbox.stop() };
  },
  async 'moto straight'() {
    const moto = new MotoBackend();
    await moto.start();
    return { name: 'moto straight', endpoint: moto.url(), wrap: motoHeaders(moto), pid: moto.pid(), stop: () => moto.stop() };
  },
};
const emulatorPeer = (emulator: Emulator) => async (): Promise<Peer> => {
  const backend = new EmulatorBackend(emulator);
  await backend.start();
  return { name: emulator.name, endpoint: backend.url(), wrap: plain, pid: backend.pid(), stop: () => backend.stop() };
};
starters['ministack'] = emulatorPeer(ministack);
if (findPython(localstack.venv)) starters['localstack'] = emulatorPeer(localstack);
else console.error(`bench peers: LocalStack left out: ${localstack.venv.missingPython}`);

async function startToReady(start: () => Promise<Peer>, times = 3): Promise<number> {
  // The first start may install the emulator: not counted.
  await (await start()).stop();
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const peer = await start();
    durations.push(performance.now() - started);
    await peer.stop();
  }
  return median(durations);
}

export default async function bench() {
  const load = (await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ');
  const starts: Record<string, number> = {};
  for (const [name, start] of Object.entries(starters)) starts[name] = await startToReady(start);

  const peers: Peer[] = [];
  for (const start of Object.values(starters)) peers.push(await start());
  try {
    const account = '100000000001';
    const rounds = peers.map((peer) => sixCalls(peer.endpoint, account, peer.wrap(account), true));
    for (const round of rounds) await round();
    // Interleaved, so that the shared machine's noise falls on all alike.
    const times = peers.map(() => [] as number[]);
    for (let i = 0; i < 30; i++) for (const [index, round] of rounds.entries()) times[index]!.push(await medianMs(1, round));
    const calls = times.map(median);

    const accounts = Array.from({ length: 10 }, (_, i) => String(300_000_000_000 + i));
    const refused: string[][] = [];
    for (const peer of peers) {
      const missing = new Set<string>();
      for (const one of accounts) for (const flow of await labFlows(peer.endpoint, one, peer.wrap(one))) missing.add(flow);
      refused.push([...missing]);
    }
    const memory = peers.map((peer) => treeRssMb(peer.pid));

    const ours = 0;
    const rows = peers.flatMap((peer, index) => {
      const ratio = (value: number, of: number) => (index === ours ? '' : ` (${(value / of).toFixed(2)}x ours)`);
      return [
        { name: `${peer.name}: start to ready${ratio(starts[peer.name]!, starts['our sandbox']!)}`, value: Math.round(starts[peer.name]!), unit: 'ms', target: index === ours && starts['localstack'] ? `<= LocalStack's ${Math.round(starts['localstack'])} ms` : '' },
        { name: `${peer.name}: 6 lab calls one after another${ratio(calls[index]!, calls[ours]!)}`, value: calls[index]!, unit: 'ms', target: index === ours && peers.some((p) => p.name === 'ministack') ? `<= MiniStack's ${calls[peers.findIndex((p) => p.name === 'ministack')]!.toFixed(1)} ms` : '' },
        { name: `${peer.name}: RSS after every lab's flow in ${accounts.length} accounts${ratio(memory[index]!, memory[ours]!)}${refused[index]!.length ? `; flows it refused: ${refused[index]!.join(', ')}` : ''}`, value: Math.round(memory[index]!), unit: 'MB' },
      ];
    });
    return [...rows, { name: `load average (1, 5, 15 min) when the bench began: ${load}`, value: Number(load.split(' ')[0]), unit: '' }];
  } finally {
    for (const peer of peers) await peer.stop();
  }
}
