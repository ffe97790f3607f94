// MiniStack or LocalStack as the backend: installed into its own virtualenv, started on a free
// loopback port, restarted if it crashes, stopped with the sandbox (main.ts stops the sandbox when
// its parent goes away). To the gateway it is an external backend like any --backend url=.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExternalBackend, lastLine, type ResetTarget } from '../backend.ts';
import { freePort } from '../free-port.ts';
import { projectRoot, SandboxError } from '../paths.ts';
import { ensureVenv } from '../venv.ts';
import type { Emulator } from './emulators.ts';

export class EmulatorBackend extends ExternalBackend {
  readonly emulator: Emulator;
  private child: ChildProcess | undefined;
  private stopping = false;
  private emulatorVersion = 'unknown';
  private dataDir = '';

  constructor(emulator: Emulator, ourLambda = true) {
    super('', ourLambda, emulator.name);
    this.emulator = emulator;
  }

  override async version() { return this.emulatorVersion; }
  pid(): number | undefined { return this.child?.pid; }

  async start(log: (line: string) => void = () => {}): Promise<void> {
    const { emulator } = this;
    ensureVenv(log, emulator.venv);
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.dataDir ||= mkdtempSync(join(tmpdir(), `infralabs-${emulator.name}-`));
    const child = spawn(emulator.venv.python, emulator.args, {
      cwd: this.dataDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PYTHONUNBUFFERED: '1', ...emulator.env(port, this.dataDir, this.ourLambda, join(projectRoot, 'node_modules')) },
    });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    child.once('exit', () => {
      if (this.child !== child || this.stopping) return;
      log(`The sandbox backend (${emulator.name}) stopped unexpectedly; restarting it.`);
      this.start(log).catch((error) => log(`Restarting the backend failed: ${error.message}`));
    });
    const deadline = Date.now() + emulator.startTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new SandboxError(`${emulator.name} exited during start-up: ${lastLine(stderr)}. Delete ${emulator.venv.dir} and run again.`);
      }
      if (await this.ready()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new SandboxError(`${emulator.name} did not answer within ${emulator.startTimeoutMs / 1000} s: check that nothing blocks 127.0.0.1, then run again.`);
  }

  override async ready(): Promise<boolean> {
    if (!this.base) return false;
    try {
      const response = await fetch(`${this.base}${this.emulator.healthPath}`, { signal: AbortSignal.timeout(2000) });
      if (!response.ok) return false;
      this.emulatorVersion = String(((await response.json()) as { version?: string }).version ?? 'unknown');
      return true;
    } catch {
      return false;
    }
  }

  /** Both empty every account at once; neither can empty one account alone. */
  override async reset(target: ResetTarget): Promise<boolean> {
    if (!('all' in target)) return false;
    const response = await fetch(`${this.base}${this.emulator.resetPath}`, { method: 'POST', signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new SandboxError(`Resetting ${this.emulator.name} failed: HTTP ${response.status}`);
    return true;
  }

  override async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    }
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
