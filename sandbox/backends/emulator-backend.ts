// MiniStack or LocalStack as the backend: installed into its own virtualenv, started on a free
// loopback port, restarted if it crashes, stopped with the sandbox (main.ts stops the sandbox when
// its parent goes away). To the gateway it is an external backend like any --backend url=.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExternalBackend, type ResetTarget } from '../backend.ts';
import { BackendProcess } from '../backend-process.ts';
import { freePort } from '../free-port.ts';
import { projectRoot, SandboxError } from '../paths.ts';
import { ensureVenv } from '../venv.ts';
import type { Emulator } from './emulators.ts';

export class EmulatorBackend extends ExternalBackend {
  readonly emulator: Emulator;
  private emulatorVersion = 'unknown';
  private dataDir = '';
  private readonly server: BackendProcess;

  constructor(emulator: Emulator, ourLambda = true) {
    super('', ourLambda, emulator.name);
    this.emulator = emulator;
    this.server = new BackendProcess({
      name: emulator.name,
      venvDir: emulator.venv.dir,
      startTimeoutMs: emulator.startTimeoutMs,
      killAfterMs: 5000,
      launch: async (log) => {
        ensureVenv(log, emulator.venv);
        const port = await freePort();
        this.base = `http://127.0.0.1:${port}`;
        this.dataDir ||= mkdtempSync(join(tmpdir(), `infralabs-${emulator.name}-`));
        return {
          python: emulator.venv.python,
          args: emulator.args,
          cwd: this.dataDir,
          env: { ...process.env, PYTHONUNBUFFERED: '1', ...emulator.env(port, this.dataDir, this.ourLambda, join(projectRoot, 'node_modules')) },
        };
      },
      ready: () => this.ready(),
    });
  }

  override async version() { return this.emulatorVersion; }
  pid(): number | undefined { return this.server.pid(); }

  start(log?: (line: string) => void): Promise<void> {
    return this.server.start(log);
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
    await this.server.stop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
