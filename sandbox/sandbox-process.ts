// Starts the sandbox (sandbox/main.ts) in a Node process of its own and waits until it answers.
// `infralabs sandbox` and the bench run it this way so that the sandbox, which stays up for hours
// beside an editor and a browser, holds only its own memory.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot, SandboxError } from './paths.ts';
import type { ClassKey } from './gateway/credentials.ts';

export type SandboxMessage =
  | { type: 'log'; line: string }
  | { type: 'ready'; endpoint: string; backend: 'moto' | 'external'; backendName: string; backendUrl: string; version: string; backendPid?: number }
  | { type: 'failed'; message: string };

export interface SandboxProcess {
  endpoint: string;
  backend: 'moto' | 'external';
  /** moto, ministack, localstack or url. */
  backendName: string;
  /** Where the gateway forwards to (moto's own port, or the external endpoint). */
  backendUrl: string;
  version: string;
  /** The gateway's process, and the backend's when the sandbox started it. */
  pid: number;
  backendPid?: number;
  /** Resolves with the exit code when the process ends, asked to or not. */
  exited: Promise<number | null>;
  /** The last line the process printed (a crash's cause), or ''. */
  lastLine(): string;
  stop(): Promise<void>;
}

const entry = join(projectRoot, 'sandbox', 'main.ts');

export interface SandboxProcessOptions {
  port?: number;
  backendUrl?: string;
  /** An emulator to install and start instead of moto. */
  emulator?: 'ministack' | 'localstack';
  /** Who runs Lambda handlers (default: ours, except for a backendUrl). */
  lambda?: 'ours' | 'backend';
  /** Address to listen on (default 127.0.0.1). */
  listen?: string;
  allowOrigins?: string[];
  hostNames?: string[];
  /** A class's keys (`--roster`): every AWS call must then be signed with one. */
  classKeys?: { students: ClassKey[]; teacher: ClassKey };
  log?: (line: string) => void;
}

export function startSandboxProcess(options: SandboxProcessOptions = {}): Promise<SandboxProcess> {
  const log = options.log ?? (() => {});
  const args = [
    ...(options.port === undefined ? [] : ['--port', String(options.port)]),
    ...(options.backendUrl ? ['--backend-url', options.backendUrl] : []),
    ...(options.emulator ? ['--emulator', options.emulator] : []),
    ...(options.lambda ? ['--lambda', options.lambda] : []),
    ...(options.listen ? ['--listen', options.listen] : []),
    ...(options.allowOrigins ?? []).flatMap((origin) => ['--allow-origin', origin]),
    ...(options.hostNames ?? []).flatMap((name) => ['--host-name', name]),
  ];
  // execArgv: [] because fork would pass on the parent's own flags (a loader, a test runner's).
  // No --optimize-for-size either: with no SDK clients in the sandbox it no longer saved memory
  // (bench: 263-269 MB with it, 265-272 without) and it cost CPU on every call.
  // The class's keys go by the environment, not the command line, which every user can read (ps).
  const env = options.classKeys ? { ...process.env, INFRALABS_CLASS_KEYS: JSON.stringify(options.classKeys) } : process.env;
  const child = fork(entry, args, { cwd: projectRoot, execArgv: [], env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // What the process prints itself is only ever a crash report: its last line names the cause.
  let lastLine = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => {
      lastLine = text.split('\n').filter(Boolean).pop() ?? lastLine;
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.on('message', (message: SandboxMessage) => {
      if (message.type === 'log') log(message.line);
      if (message.type === 'failed') reject(new SandboxError(message.message));
      if (message.type !== 'ready') return;
      resolve({
        ...message,
        pid: child.pid!,
        exited,
        lastLine: () => lastLine,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then((code) => reject(new SandboxError(
      `The sandbox process ended during start-up (exit code ${code})${lastLine ? `: ${lastLine}` : ''}. Run \`npx infralabs sandbox\` again; if it persists, delete .venv and retry.`)));
  });
}
