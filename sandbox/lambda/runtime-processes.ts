// Node processes for execution environments. Starting Node costs most of a cold start, so one
// spare process per recent memory size waits, already started, with an empty environment;
// an environment takes it and sends it the function's environment and directory.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from '../paths.ts';

const bootstrap = join(projectRoot, 'sandbox', 'lambda', 'runtime', 'bootstrap.mjs');
const maxSpares = 2;
const spares = new Map<number, Promise<ChildProcess>>();

function spawnRuntime(memorySize: number): Promise<ChildProcess> {
  const home = join(tmpdir(), 'infralabs-lambda-spare');
  mkdirSync(home, { recursive: true });
  const child = fork(bootstrap, [], {
    cwd: home,
    // Nothing of the gateway's environment: the function's own arrives with the init message.
    env: { PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, LANG: 'en_US.UTF-8', TZ: ':UTC' },
    execPath: process.execPath,
    // AWS gives the heap about 90% of the function's memory.
    execArgv: [`--max-old-space-size=${Math.max(16, Math.floor(memorySize * 0.9))}`],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // A process must not keep the gateway alive on its own.
  child.unref();
  child.channel?.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message?.type !== 'spawned') return;
      child.off('message', onMessage);
      resolve(child);
    };
    child.on('message', onMessage);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the Node.js runtime exited while starting (${signal ?? `exit status ${code}`})`)));
  });
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.connected;
}

/** Starts a spare process for this memory size, unless one is there already. */
export function prepareRuntime(memorySize: number): void {
  if (spares.has(memorySize)) return;
  if (spares.size >= maxSpares) {
    const [oldest, spare] = spares.entries().next().value!;
    spares.delete(oldest);
    void spare.then((child) => child.kill('SIGKILL'), () => undefined);
  }
  const spare = spawnRuntime(memorySize);
  spare.catch(() => spares.delete(memorySize));
  spares.set(memorySize, spare);
}

/** A started Node process with this heap limit: the spare if there is one, else a new one. */
export async function takeRuntime(memorySize: number): Promise<ChildProcess> {
  const spare = spares.get(memorySize);
  spares.delete(memorySize);
  let child = spare ? await spare.catch(() => undefined) : undefined;
  if (!child || !alive(child)) child = await spawnRuntime(memorySize);
  prepareRuntime(memorySize);
  return child;
}

/** Stops the spare processes. */
export function stopSpareRuntimes(): void {
  for (const spare of spares.values()) void spare.then((child) => child.kill('SIGKILL'), () => undefined);
  spares.clear();
}
