// Node processes for execution environments, confined by Node's permission model. Starting Node
// costs most of a cold start, so one spare process per recent memory size waits, already
// started, with an empty environment. The permission model fixes what a process may read and
// write when it starts, so each process is born with its own directory (code in task/, the
// function's /tmp in tmp/): the environment that takes it unpacks the code there and sends it
// the function's environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from '../paths.ts';
import { runtimeModules } from './runtime-modules.ts';

const runtimeDir = realpathSync(join(projectRoot, 'sandbox', 'lambda', 'runtime'));
const bootstrap = join(runtimeDir, 'bootstrap.mjs');
// Linux: the process is killed when the gateway dies, even while frozen (SIGSTOP) between
// invocations, when it could not notice its IPC channel closing.
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => process.platform === 'linux' && existsSync(path));
const maxSpares = 2;
const spares = new Map<number, Promise<Runtime>>();
/** Every runtime process still running, spare or taken, with its directory. */
const running = new Map<ChildProcess, string>();

/** A started runtime process and the private directory it may use. */
export interface Runtime {
  child: ChildProcess;
  /** Holds task/ (the code, read-only to the process), tmp/ (its /tmp) and node_modules (the SDK). */
  dir: string;
}

/** Node's flags for a process confined to its directory: read its code, the runtime and the SDK;
 *  write its tmp/; nothing else (no child processes, workers, addons, WASI or inspector). */
function permissionFlags(dir: string): string[] {
  const { linkDir, packageDirs } = runtimeModules();
  const readable = [runtimeDir, join(dir, 'task'), join(dir, 'tmp'), join(dir, 'node_modules'), dirname(linkDir), ...packageDirs];
  return ['--permission', ...readable.map((path) => `--allow-fs-read=${path}`), `--allow-fs-write=${join(dir, 'tmp')}`];
}

function spawnRuntime(memorySize: number): Promise<Runtime> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'infralabs-lambda-')));
  mkdirSync(join(dir, 'task'));
  mkdirSync(join(dir, 'tmp'));
  // The runtime's own modules (the AWS SDK, as on AWS) resolve from the parent of the task root.
  symlinkSync(runtimeModules().linkDir, join(dir, 'node_modules'), 'dir');
  const node = [
    process.execPath,
    ...permissionFlags(dir),
    // AWS gives the heap about 90% of the function's memory.
    `--max-old-space-size=${Math.max(16, Math.floor(memorySize * 0.9))}`,
    bootstrap,
  ];
  const [command, ...args] = setpriv ? [setpriv, '--pdeathsig', 'SIGKILL', '--', ...node] : node;
  const child = spawn(command!, args, {
    cwd: join(dir, 'task'),
    // Nothing of the gateway's environment: the function's own arrives with the init message.
    env: { PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, LANG: 'en_US.UTF-8', TZ: ':UTC' },
    // stdin: one byte per thaw after a freeze (see freeze() in bootstrap.mjs).
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  // A write to a process that just died must not become an error of the gateway.
  child.stdin!.on('error', () => undefined);
  // A process must not keep the gateway alive on its own.
  child.unref();
  child.channel?.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  running.set(child, dir);
  child.once('exit', () => {
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message?.type !== 'spawned') return;
      child.off('message', onMessage);
      resolve({ child, dir });
    };
    child.on('message', onMessage);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the Node.js runtime exited while starting (${signal ?? `exit status ${code}`})`)));
  });
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.connected;
}

function stop(spare: Promise<Runtime>): void {
  void spare.then(({ child }) => child.kill('SIGKILL'), () => undefined);
}

/** Starts a spare process for this memory size, unless one is there already. */
export function prepareRuntime(memorySize: number): void {
  if (spares.has(memorySize)) return;
  if (spares.size >= maxSpares) {
    const [oldest, spare] = spares.entries().next().value!;
    spares.delete(oldest);
    stop(spare);
  }
  const spare = spawnRuntime(memorySize);
  spare.catch(() => spares.delete(memorySize));
  spares.set(memorySize, spare);
}

/** A started Node process with this heap limit: the spare if there is one, else a new one. */
export async function takeRuntime(memorySize: number): Promise<Runtime> {
  const spare = spares.get(memorySize);
  spares.delete(memorySize);
  let runtime = spare ? await spare.catch(() => undefined) : undefined;
  if (!runtime || !alive(runtime.child)) runtime = await spawnRuntime(memorySize);
  prepareRuntime(memorySize);
  return runtime;
}

/** Stops the spare processes. */
export function stopSpareRuntimes(): void {
  for (const spare of spares.values()) stop(spare);
  spares.clear();
}

// When the gateway's process exits, no exit event of a child will run: end them and remove
// their directories now (on Linux they would die with the gateway anyway, see setpriv above).
process.once('exit', () => {
  for (const [child, dir] of running) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
