// The in-page sandbox's execution environment (sandbox/lambda/execution-environment.ts): one
// dedicated Web Worker per environment (lambda-worker.ts), started by the sandbox's host worker
// (nested workers), given the function's files and Lambda's environment, and terminated at the
// function's Timeout. pageLambdaRunner() is the page's gateway.lambda: the same Lambda semantics
// as the Node host (pool, concurrency, logs, S3 events), with these environments.
//
// What a browser cannot do, and the Node host does:
// - Memory: a worker's memory cannot be capped or measured (no heap flag, no RSS; the
//   performance.measureUserAgentSpecificMemory API needs cross-origin isolation and is coarse),
//   so MemorySize is reported but not enforced and REPORT says "Max Memory Used: 0 MB". A handler
//   that allocates without bound takes the tab's memory until the browser kills the tab.
// - Freeze: a worker cannot be stopped between invocations; the runtime holds the handler's SDK
//   calls and timeouts until the next one instead (lambda-sdk-hooks.ts), not its other work.
// - /tmp: there is no file system; `fs` and the other Node built-ins do not load.
import { functionEnvironment } from '../../../sandbox/lambda/function-env.ts';
import type { EnvironmentSpec, ExecutionEnvironment, InvokeInput, InvokeOutcome, RuntimeError } from '../../../sandbox/lambda/execution-environment.ts';
import { lambdaRunner, type HostLambdaRunner, type LambdaRunnerOptions } from '../../../sandbox/lambda/lambda-runner.ts';
import { logStreamName, type LogEvent } from '../../../sandbox/lambda/log-lines.ts';
import { timedOut, timedOutLogLine, withRequestId } from '../../../sandbox/lambda/runtime-errors.ts';
import { unzipPackage } from '../../../sandbox/lambda/unzip-package.ts';
import type { FromLambdaWorker, ToLambdaWorker } from './lambda-messages.ts';

/** At most this long to load the handler (AWS allows 10 s of init), as in the Node host. */
const initLimitMs = 10_000;

/** The worker of one environment; a test may give another. */
export type LambdaWorkerMaker = () => Worker;

// Inline `new URL(..., import.meta.url)` so that Vite bundles the worker with its imports.
const makeLambdaWorker: LambdaWorkerMaker = () => new Worker(new URL('./lambda-worker.ts', import.meta.url), { type: 'module' });

const randomHex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export class PageExecutionEnvironment implements ExecutionEnvironment {
  readonly key: string;
  readonly fingerprint: string;
  readonly account: string;
  readonly logStreamName: string;
  state: 'starting' | 'idle' | 'busy' | 'dead' = 'starting';
  lastUsed = Date.now();
  leased = false;
  retiring = false;
  private readonly spec: EnvironmentSpec;
  private readonly makeWorker: LambdaWorkerMaker;
  private worker: Worker | undefined;
  private logs: LogEvent[] = [];
  private initDurationMs: number | undefined;
  private initError: RuntimeError | undefined;
  private onMessage: ((message: FromLambdaWorker) => void) | undefined;
  /** The worker failed on its own (its script did not load, or it crashed). */
  private onFailure: ((message: string) => void) | undefined;

  constructor(spec: EnvironmentSpec, makeWorker: LambdaWorkerMaker = makeLambdaWorker) {
    this.spec = spec;
    this.makeWorker = makeWorker;
    this.key = spec.key;
    this.fingerprint = spec.fingerprint;
    this.account = spec.account;
    this.logStreamName = logStreamName(spec.executedVersion, randomHex(16));
  }

  /** Unzips the code, starts the worker and loads the handler. Init errors surface on invoke. */
  async start(codeDownload: Promise<Uint8Array>): Promise<void> {
    const started = performance.now();
    // The worker loads its script and the runtime while the code downloads.
    const worker = this.makeWorker();
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<FromLambdaWorker>) => {
      const message = event.data;
      // The handler shares the worker's globals and could post anything: only well-formed lines count.
      if (message?.type === 'log') {
        if (typeof message.event?.message === 'string' && typeof message.event.timestamp === 'number') this.logs.push({ timestamp: message.event.timestamp, message: message.event.message });
      }
      else if (message) this.onMessage?.(message);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.state = 'dead';
      this.onFailure?.(event.message || 'the worker failed');
    });
    let files: Record<string, Uint8Array>;
    try {
      files = unzipPackage(await codeDownload);
    } catch (error) {
      this.kill();
      throw error;
    }
    const { configuration } = this.spec;
    const env = functionEnvironment(configuration, {
      account: this.spec.account,
      region: this.spec.region,
      executedVersion: this.spec.executedVersion,
      // Lambda's own paths: the page has no file system, so they are names only.
      taskRoot: '/var/task',
      runtimeDir: '/var/runtime',
      logStreamName: this.logStreamName,
      gatewayEndpoint: this.spec.gatewayEndpoint,
      secretAccessKey: this.spec.secretAccessKey,
    });
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
        this.onFailure = (message) => {
          this.initError ??= { errorType: 'Runtime.Unknown', errorMessage: `could not start the in-page Lambda runtime: ${message}` };
          resolve();
        };
        this.send({ type: 'init', files, env });
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
      if (status === 'timeout' && error) logs.push({ timestamp: Date.now(), message: timedOutLogLine(input.requestId, error) });
      else if (error?.errorType === 'Runtime.ExitError') logs.push({ timestamp: Date.now(), message: `${error.errorMessage}\n${error.errorType}` });
      // Not measurable in a browser worker (see the top of this file).
      return { payload, error, status, durationMs: performance.now() - started, maxMemoryUsedMb: 0, initDurationMs, initLogs, logs };
    };
    if (this.initError) {
      const error = withRequestId(this.initError, input.requestId);
      this.initError = undefined;
      return finish(error.errorType === 'Sandbox.Timedout' ? 'timeout' : 'error', JSON.stringify(error), error);
    }
    if (this.state !== 'idle') {
      const error = exitError(input.requestId, 'Runtime exited before the invocation');
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
        this.onMessage = undefined;
        this.onFailure = undefined;
        if (this.state === 'busy') this.state = 'idle';
        this.lastUsed = Date.now();
        resolve(outcome);
      };
      const fail = (status: InvokeOutcome['status'], error: RuntimeError) => settle(finish(status, JSON.stringify(error), error));
      // Lambda's timeout: the worker is terminated wherever the handler is (a loop included).
      const timer = setTimeout(() => {
        this.kill();
        fail('timeout', timedOut(input.requestId, configuration.Timeout));
      }, configuration.Timeout * 1000);
      this.onMessage = (message) => {
        if (message.type !== 'result' || message.requestId !== input.requestId) return;
        const { result } = message;
        if (!result.ok && result.fatal) this.kill();
        if (result.ok) settle(finish('success', result.payload));
        else fail('error', result.error);
      };
      this.onFailure = (message) => fail('error', exitError(input.requestId, `Runtime exited with error: ${message}`));
      const { requestId, event, invokedFunctionArn, clientContext, traceHeader } = input;
      this.send({ type: 'invoke', requestId, event, deadline, functionVersion: this.spec.executedVersion, invokedFunctionArn, clientContext, traceHeader });
    });
  }

  /** Terminates the worker. */
  dispose(): void {
    this.kill();
  }

  private send(message: ToLambdaWorker): void {
    this.worker?.postMessage(message);
  }

  private kill(): void {
    // Dead from now on: no one may reuse this worker.
    this.state = 'dead';
    this.worker?.terminate();
  }
}

function exitError(requestId: string, what: string): RuntimeError {
  return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${what}` };
}

/** The in-page sandbox's Lambda runner (gateway.lambda of its host worker): Lambda's semantics
 *  from sandbox/lambda, each execution environment a Web Worker. */
export function pageLambdaRunner(options: LambdaRunnerOptions & { makeWorker?: LambdaWorkerMaker } = {}): HostLambdaRunner {
  const { makeWorker, ...runnerOptions } = options;
  return lambdaRunner((spec) => new PageExecutionEnvironment(spec, makeWorker), runnerOptions);
}
