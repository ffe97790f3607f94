// Owns the run worker: keeps one warm (so Run answers at once), runs code in it, and ends it
// (terminate) on Stop or when the time limit passes; a fresh worker is then started.
import type { Service } from '../../../grader/services.ts';
import type { RunEvent, RunRequest } from '../worker/messages.ts';

export type RunOutcome =
  | { kind: 'done'; ms: number }
  | { kind: 'failed'; message: string }
  | { kind: 'syntax'; line: number; column: number; message: string }
  | { kind: 'stopped' }
  | { kind: 'timeout'; seconds: number };

export interface RunOptions {
  code: string;
  endpoint: string;
  account: string;
  secret: string;
  /** A port straight to the in-page sandbox at `endpoint`, when this tab runs it (page-sandbox.ts). */
  connect?: () => MessagePort | undefined;
  onLog: (level: 'log' | 'info' | 'warn' | 'error', text: string) => void;
}

const spawn = () => new Worker(new URL('../worker/run-worker.ts', import.meta.url), { type: 'module', name: 'infralabs-run' });

export class Runner {
  private worker: Worker | undefined;
  /** Whether the worker holds a port to the in-page sandbox (one per worker, kept across runs). */
  private relayed = false;
  private finish: ((outcome: RunOutcome) => void) | undefined;

  private readonly timeLimitSeconds: number;
  private readonly preload: Service[];

  /** `preload`: the lab's services, whose SDK packages the worker fetches while it waits. */
  constructor(timeLimitSeconds: number, preload: Service[] = []) {
    this.timeLimitSeconds = timeLimitSeconds;
    this.preload = preload;
  }

  /** Starts the worker ahead of the first run and lets it fetch the lab's SDK clients. */
  warm(): void {
    if (this.worker) return;
    this.worker = spawn();
    this.relayed = false;
    this.worker.postMessage({ type: 'preload', services: this.preload });
  }

  get running(): boolean {
    return this.finish !== undefined;
  }

  run(options: RunOptions): Promise<RunOutcome> {
    this.stop();
    this.warm();
    const worker = this.worker!;
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => this.end({ kind: 'timeout', seconds: this.timeLimitSeconds }), this.timeLimitSeconds * 1000);
      this.finish = (outcome) => {
        clearTimeout(timer);
        worker.onmessage = null;
        this.finish = undefined;
        resolve(outcome);
      };
      worker.onmessage = (event: MessageEvent<RunEvent>) => {
        const data = event.data;
        if (data.type === 'log') options.onLog(data.level, data.text);
        else if (data.type === 'done') this.finish?.({ kind: 'done', ms: data.ms });
        else if (data.type === 'failed') this.finish?.({ kind: 'failed', message: data.message });
        else if (data.type === 'syntax') this.finish?.({ kind: 'syntax', line: data.line, column: data.column, message: data.message });
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.end({ kind: 'failed', message: event.message || 'the runner crashed' });
      };
      const relay = this.relayed ? undefined : options.connect?.();
      this.relayed ||= relay !== undefined;
      const message: RunRequest = { type: 'run', code: options.code, endpoint: options.endpoint, account: options.account, secret: options.secret, relay };
      worker.postMessage(message, relay ? [relay] : []);
    });
  }

  /** Drops an idle warm worker: one started before the in-page sandbox's service worker took the
   *  page would not reach that sandbox. The next run starts a fresh one. */
  discardIdle(): void {
    if (this.finish || !this.worker) return;
    this.worker.terminate();
    this.worker = undefined;
  }

  /** Ends a run in progress (if any); the page stays responsive because only the worker dies. */
  stop(): void {
    if (this.finish) this.end({ kind: 'stopped' });
  }

  private end(outcome: RunOutcome): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.finish?.(outcome);
    // A fresh worker for the next run, warmed while the learner reads the message.
    this.warm();
  }
}
