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
import { EnvironmentLifecycle, type RuntimeInvocation } from '../../../sandbox/lambda/environment-lifecycle.ts';
import { functionEnvironment } from '../../../sandbox/lambda/function-env.ts';
import type { EnvironmentSpec } from '../../../sandbox/lambda/execution-environment.ts';
import { lambdaRunner, type HostLambdaRunner, type LambdaRunnerOptions } from '../../../sandbox/lambda/lambda-runner.ts';
import { unzipPackage } from '../../../sandbox/lambda/unzip-package.ts';
import type { FromLambdaWorker, ToLambdaWorker } from './lambda-messages.ts';

/** The worker of one environment; a test may give another. */
export type LambdaWorkerMaker = () => Worker;

// Inline `new URL(..., import.meta.url)` so that Vite bundles the worker with its imports.
const makeLambdaWorker: LambdaWorkerMaker = () => new Worker(new URL('./lambda-worker.ts', import.meta.url), { type: 'module' });

const randomHex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Init, invocations and their outcomes are EnvironmentLifecycle's, as in the Node host; this is the worker. */
export class PageExecutionEnvironment extends EnvironmentLifecycle {
  private readonly makeWorker: LambdaWorkerMaker;
  private worker: Worker | undefined;

  constructor(spec: EnvironmentSpec, makeWorker: LambdaWorkerMaker = makeLambdaWorker) {
    super(spec, randomHex(16));
    this.makeWorker = makeWorker;
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
    // The worker failed on its own: its script did not load (no invocation yet), or it crashed.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.state = 'dead';
      const message = event.message || 'the worker failed';
      this.onFailure?.(this.requestId === undefined
        ? { errorType: 'Runtime.Unknown', errorMessage: `could not start the in-page Lambda runtime: ${message}` }
        : { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${this.requestId} Error: Runtime exited with error: ${message}` });
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
    this.send({ type: 'init', files, env });
    await this.loadHandler(started);
  }

  /** Terminates the worker. */
  dispose(): void {
    this.kill();
  }

  protected sendInvocation(invocation: RuntimeInvocation): void {
    this.send({ type: 'invoke', ...invocation });
  }

  /** Not measurable in a browser worker (see the top of this file). */
  protected maxMemoryUsedMb(): number {
    return 0;
  }

  private send(message: ToLambdaWorker): void {
    this.worker?.postMessage(message);
  }

  protected kill(): void {
    // Dead from now on: no one may reuse this worker.
    this.state = 'dead';
    this.worker?.terminate();
  }
}

/** The in-page sandbox's Lambda runner (gateway.lambda of its host worker): Lambda's semantics
 *  from sandbox/lambda, each execution environment a Web Worker. */
export function pageLambdaRunner(options: LambdaRunnerOptions & { makeWorker?: LambdaWorkerMaker } = {}): HostLambdaRunner {
  const { makeWorker, ...runnerOptions } = options;
  return lambdaRunner((spec) => new PageExecutionEnvironment(spec, makeWorker), runnerOptions);
}
