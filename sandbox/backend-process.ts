// The Python process behind a backend (moto, MiniStack, LocalStack): spawned, ready once its health
// answers, started again when it dies unasked (the learner loses that state, not the sandbox), and
// stopped with SIGTERM, then SIGKILL if it lingers.
import { spawn, type ChildProcess } from 'node:child_process';
import { SandboxError } from './paths.ts';

/** How to run the process this time (a restart picks a new port, so it is asked again). */
export interface Launch {
  python: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface BackendProcessSpec {
  /** moto, ministack, localstack: for messages. */
  name: string;
  /** The virtualenv to delete when the process cannot start, as the learner would name it. */
  venvDir: string;
  /** Prepares (the virtualenv, a port) and says how to run it. */
  launch: (log: (line: string) => void) => Promise<Launch>;
  ready: () => Promise<boolean>;
  startTimeoutMs: number;
  /** How long SIGTERM has before SIGKILL. */
  killAfterMs: number;
}

export function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? 'no output';
}

export class BackendProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private readonly spec: BackendProcessSpec;

  constructor(spec: BackendProcessSpec) {
    this.spec = spec;
  }

  pid(): number | undefined {
    return this.child?.pid;
  }

  async start(log: (line: string) => void = () => {}): Promise<void> {
    const { name, venvDir, startTimeoutMs } = this.spec;
    const { python, args, cwd, env } = await this.spec.launch(log);
    const child = spawn(python, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    child.once('exit', () => {
      if (this.child !== child || this.stopping) return;
      log(`The sandbox backend (${name}) stopped unexpectedly; restarting it.`);
      this.start(log).catch((error) => log(`Restarting the backend failed: ${error.message}`));
    });
    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new SandboxError(`${name} exited during start-up: ${lastLine(stderr)}. Delete ${venvDir} and run again.`);
      if (await this.spec.ready()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new SandboxError(`${name} did not answer within ${startTimeoutMs / 1000} s: check that nothing blocks 127.0.0.1, then run again.`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), this.spec.killAfterMs).unref();
    });
  }
}
