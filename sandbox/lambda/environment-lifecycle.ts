// What every host's execution environment does the same way around its runtime (a Node process in
// environment.ts, a Web Worker in src/lab/page-sandbox/lambda-environment.ts), so that init, the
// timeout and an invocation's outcome cannot drift apart between the two: the init limit and the
// init error kept for the first invocation, the states the pool reads, the invocation's timeout,
// its outcome and the lines the platform itself logs. The host starts, talks to and kills its
// runtime, and adds what only it can enforce or measure (the Node host: memory, /tmp, freezing).
import type { EnvironmentSpec, ExecutionEnvironment, InvokeInput, InvokeOutcome, RuntimeError } from './execution-environment.ts';
import { logStreamName, type LogEvent } from './log-lines.ts';
import { timedOut, timedOutLogLine, withRequestId } from './runtime-errors.ts';

/** At most this long to load the handler (AWS allows 10 s of init). */
const initLimitMs = 10_000;

/** A runtime's answer to an invocation (bootstrap.mjs, lambda-runtime.ts); `fatal`: an error
 *  nobody caught, which ends the runtime. */
export type RuntimeResult = { ok: true; payload?: string } | { ok: false; error: RuntimeError; fatal?: boolean };

/** What a runtime tells its environment, once the host has taken out its log lines. */
export type RuntimeMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: RuntimeError }
  | { type: 'result'; requestId: string; result: RuntimeResult };

/** What a runtime is given to run one invocation. */
export interface RuntimeInvocation {
  requestId: string;
  event: unknown;
  /** Epoch milliseconds at which the environment stops the invocation (context.getRemainingTimeInMillis). */
  deadline: number;
  functionVersion: string;
  invokedFunctionArn: string;
  clientContext?: unknown;
  traceHeader: string;
}

export abstract class EnvironmentLifecycle implements ExecutionEnvironment {
  readonly key: string;
  readonly fingerprint: string;
  readonly account: string;
  readonly logStreamName: string;
  state: 'starting' | 'idle' | 'busy' | 'dead' = 'starting';
  lastUsed = Date.now();
  /** Held by an invocation (or being started for one); the pool hands it to no one else. */
  leased = false;
  retiring = false;
  protected readonly spec: EnvironmentSpec;
  /** The handler's output since the last invocation ended (before the first: init's). */
  protected logs: LogEvent[] = [];
  /** Set while loadHandler() or invoke() waits: the host hands them its runtime's messages, and
   *  the error its runtime failed with (it exited, crashed or did not start). */
  protected onMessage: ((message: RuntimeMessage) => void) | undefined;
  protected onFailure: ((error: RuntimeError) => void) | undefined;
  /** The invocation under way, if any: a failure while none is is a failure to start. */
  protected requestId: string | undefined;
  private initDurationMs: number | undefined;
  private initError: RuntimeError | undefined;

  constructor(spec: EnvironmentSpec, environmentId: string) {
    this.spec = spec;
    this.key = spec.key;
    this.fingerprint = spec.fingerprint;
    this.account = spec.account;
    this.logStreamName = logStreamName(spec.executedVersion, environmentId);
  }

  abstract start(code: Promise<Uint8Array>): Promise<void>;
  abstract dispose(): void;
  /** Ends the runtime now, wherever it is; the environment is 'dead' from then on. */
  protected abstract kill(): void;
  protected abstract sendInvocation(invocation: RuntimeInvocation): void;
  /** For REPORT's Max Memory Used, read when the invocation ends. */
  protected abstract maxMemoryUsedMb(): number;

  /** Once the result is in: what the host does with its runtime before the next invocation, and
   *  an error that replaces the result (a limit the host found exceeded). */
  protected afterResult(result: RuntimeResult): RuntimeError | undefined {
    // An error nobody caught ends the runtime (the Node runtime exits right after telling us).
    if (!result.ok && result.fatal) this.kill();
    return undefined;
  }

  /** What the host enforces while an invocation runs, besides its timeout; returns how to stop. */
  protected watch(_requestId: string, _fail: (error: RuntimeError) => void): () => void {
    return () => undefined;
  }

  /** The host's own line for an error it ended an invocation with (the timeout's and a crash's
   *  are written here). */
  protected platformLogLine(_requestId: string, _error: RuntimeError): string | undefined {
    return undefined;
  }

  /** Waits, after the host sent its runtime the code, for the handler to load: its init error, or
   *  a failure, or the init limit is kept for the first invocation (AWS reports them there). */
  protected async loadHandler(started: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.initError = timedOut('init', initLimitMs / 1000);
          this.kill();
          resolve();
        }, initLimitMs);
        this.onMessage = (message) => {
          if (message.type === 'init-error') this.initError = message.error;
          if (message.type === 'init-error' || message.type === 'ready') resolve();
        };
        this.onFailure = (error) => {
          this.initError ??= error;
          resolve();
        };
      });
    } finally {
      clearTimeout(timer);
      this.onMessage = undefined;
      this.onFailure = undefined;
    }
    this.initDurationMs = performance.now() - started;
    if (this.initError) this.kill();
    else this.state = 'idle';
  }

  /** Runs one invocation. The environment is dead afterwards if it timed out or crashed. */
  async invoke(input: InvokeInput): Promise<InvokeOutcome> {
    const { configuration } = this.spec;
    const initDurationMs = this.initDurationMs;
    this.initDurationMs = undefined;
    const initLogs = this.logs;
    this.logs = [];
    const started = performance.now();
    const finish = (status: InvokeOutcome['status'], payload: string, error?: RuntimeError): InvokeOutcome => {
      const logs = this.logs;
      this.logs = [];
      // What the platform itself writes when it ends an invocation.
      let line: string | undefined;
      if (status === 'timeout' && error) line = timedOutLogLine(input.requestId, error);
      else if (error?.errorType === 'Runtime.ExitError') line = `${error.errorMessage}\n${error.errorType}`;
      else if (error) line = this.platformLogLine(input.requestId, error);
      if (line) logs.push({ timestamp: Date.now(), message: line });
      return { payload, error, status, durationMs: performance.now() - started, maxMemoryUsedMb: this.maxMemoryUsedMb(), initDurationMs, initLogs, logs };
    };
    if (this.initError) {
      const error = withRequestId(this.initError, input.requestId);
      this.initError = undefined;
      return finish(error.errorType === 'Sandbox.Timedout' ? 'timeout' : 'error', JSON.stringify(error), error);
    }
    if (this.state !== 'idle') {
      const error = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${input.requestId} Error: Runtime exited before the invocation` };
      return finish('error', JSON.stringify(error), error);
    }
    this.state = 'busy';
    const deadline = Date.now() + configuration.Timeout * 1000;
    return new Promise<InvokeOutcome>((resolve) => {
      let done = false;
      const settle = (outcome: InvokeOutcome) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        stopWatch();
        this.onMessage = undefined;
        this.onFailure = undefined;
        this.requestId = undefined;
        if (this.state === 'busy') this.state = 'idle';
        this.lastUsed = Date.now();
        resolve(outcome);
      };
      const fail = (status: InvokeOutcome['status'], error: RuntimeError) => settle(finish(status, JSON.stringify(error), error));
      // Lambda's timeout: the runtime is killed wherever the handler is (a loop included).
      const timer = setTimeout(() => {
        this.kill();
        fail('timeout', timedOut(input.requestId, configuration.Timeout));
      }, configuration.Timeout * 1000);
      const stopWatch = this.watch(input.requestId, (error) => fail('error', error));
      this.requestId = input.requestId;
      this.onMessage = (message) => {
        if (message.type !== 'result' || message.requestId !== input.requestId) return;
        const { result } = message;
        const error = this.afterResult(result);
        if (error) fail('error', error);
        else if (result.ok) settle(finish('success', result.payload ?? 'null'));
        else fail('error', result.error);
      };
      this.onFailure = (error) => fail('error', error);
      const { requestId, event, invokedFunctionArn, clientContext, traceHeader } = input;
      this.sendInvocation({ requestId, event, deadline, functionVersion: this.spec.executedVersion, invokedFunctionArn, clientContext, traceHeader });
    });
  }
}
