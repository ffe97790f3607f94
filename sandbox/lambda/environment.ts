// The Node host's execution environment (execution-environment.ts): a Node process running one
// function version's code from its own directory, confined by the permission model
// (runtime-processes.ts), with a clean environment, a heap limit, an RSS watch and a cap on its
// /tmp, killed at timeout, and frozen between invocations as Lambda freezes an environment.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { takeRuntime } from './runtime-processes.ts';
import { EnvironmentLifecycle, type RuntimeInvocation, type RuntimeResult } from './environment-lifecycle.ts';
import type { EnvironmentSpec, InvokeInput, InvokeOutcome, RuntimeError } from './execution-environment.ts';
import { extractCode } from './extract-code.ts';
import { functionEnvironment } from './function-env.ts';
import { readRssBytes } from './process-memory.ts';
import { directoryBytes } from './tmp-usage.ts';

const memoryPollMs = 25;
/** /tmp is measured less often than memory: walking it costs more than reading /proc. */
const tmpPollMs = 100;
const stopSignals = process.platform !== 'win32';

type ChildMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: RuntimeError }
  | { type: 'log'; text: string }
  | ({ type: 'result'; requestId: string } & RuntimeResult);

/** Init, invocations and their outcomes are EnvironmentLifecycle's, as in the page's host; this is
 *  the process, and the limits only it can watch: memory and /tmp. */
export class NodeExecutionEnvironment extends EnvironmentLifecycle {
  readonly id: string;
  private child: ChildProcess | undefined;
  /** The runtime process's own directory (task/, tmp/, node_modules), known once it is taken. */
  private dir: string | undefined;
  /** The runtime sent a result and waits for a thaw byte (bootstrap.mjs). */
  private frozen = false;
  private stderrTail = '';
  private peakRss = 0;

  constructor(spec: EnvironmentSpec) {
    const id = randomBytes(16).toString('hex');
    super(spec, id);
    this.id = id;
  }

  get pid(): number | undefined { return this.child?.pid; }
  private get memoryLimitBytes(): number { return this.spec.configuration.MemorySize * 1024 * 1024; }
  /** Lambda's ephemeral storage: 512 MB unless the function sets EphemeralStorage.Size. */
  private get tmpLimitBytes(): number { return (this.spec.configuration.EphemeralStorage?.Size ?? 512) * 1024 * 1024; }

  /** Unpacks the code, starts the process and loads the handler. Init errors surface on invoke. */
  async start(codeDownload: Promise<Uint8Array>): Promise<void> {
    const started = performance.now();
    // The process starts (or a spare is taken) while the code downloads.
    const runtime = takeRuntime(this.spec.configuration.MemorySize);
    let code: Uint8Array;
    let dir: string;
    try {
      [code, { dir }] = await Promise.all([codeDownload, runtime]);
    } catch (error) {
      void runtime.then(({ child }) => child.kill('SIGKILL'), () => undefined);
      throw error;
    }
    this.dir = dir;
    const taskRoot = join(dir, 'task');
    const tmpDir = join(dir, 'tmp');
    try {
      extractCode(code, taskRoot);
    } catch (error) {
      void runtime.then(({ child }) => child.kill('SIGKILL'), () => undefined);
      throw error;
    }
    const { configuration } = this.spec;
    const runtimeModules = join(dir, 'node_modules');
    const env = functionEnvironment(configuration, {
      account: this.spec.account,
      region: this.spec.region,
      executedVersion: this.spec.executedVersion,
      taskRoot,
      runtimeDir: runtimeModules,
      logStreamName: this.logStreamName,
      gatewayEndpoint: this.spec.gatewayEndpoint,
      secretAccessKey: this.spec.secretAccessKey,
    }, {
      PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
      NODE_PATH: runtimeModules,
      TMPDIR: tmpDir,
    });
    const { child } = await runtime;
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => this.capture(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      this.stderrTail = (this.stderrTail + text).slice(-4000);
      if (!isV8Noise(text)) this.capture(text);
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'log') this.logs.push({ timestamp: Date.now(), message: message.text });
      else if (message.type === 'result') this.onMessage?.({ type: 'result', requestId: message.requestId, result: message });
      else this.onMessage?.(message);
    });
    // A send on a channel that just closed reports here; the exit handler tells an invocation.
    child.on('error', (error) => {
      this.state = 'dead';
      if (this.requestId === undefined) this.onFailure?.({ errorType: 'Runtime.Unknown', errorMessage: `could not start the Node.js runtime: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
      this.state = 'dead';
      const fail = this.onFailure;
      const requestId = this.requestId;
      if (!fail) return;
      if (requestId === undefined) fail(this.exitError('init', code, signal));
      // Give messages already in the pipe (a result sent just before exiting) a moment to land.
      else setTimeout(() => fail(this.exitError(requestId, code, signal)), 30);
    });
    child.send({ type: 'init', env, cwd: taskRoot });
    const watch = setInterval(() => this.sampleMemory(), memoryPollMs);
    try {
      await this.loadHandler(started);
    } finally {
      clearInterval(watch);
    }
  }

  override invoke(input: InvokeInput): Promise<InvokeOutcome> {
    // Each invocation reports its own peak, not init's or the last one's.
    this.peakRss = 0;
    return super.invoke(input);
  }

  /** Stops the process and deletes its directory. */
  dispose(): void {
    this.kill();
    this.state = 'dead';
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  protected sendInvocation(invocation: RuntimeInvocation): void {
    this.thaw();
    this.child!.send({ type: 'invoke', ...invocation });
  }

  protected maxMemoryUsedMb(): number {
    return Math.max(1, Math.round(this.peakRss / 1024 / 1024));
  }

  protected override watch(requestId: string, fail: (error: RuntimeError) => void): () => void {
    const memory = setInterval(() => {
      if (this.sampleMemory() <= this.memoryLimitBytes) return;
      this.kill();
      fail(outOfMemory(requestId));
    }, memoryPollMs);
    const tmp = setInterval(() => {
      if (!this.tmpOverLimit()) return;
      this.kill();
      fail(noSpaceLeft());
    }, tmpPollMs);
    return () => {
      clearInterval(memory);
      clearInterval(tmp);
    };
  }

  protected override afterResult(result: RuntimeResult): RuntimeError | undefined {
    this.sampleMemory();
    // An error nobody caught ends the process (the runtime exits right after telling us).
    if (!result.ok && result.fatal) {
      this.kill();
      return undefined;
    }
    // Lambda freezes the environment once the response is in: timers and work the handler
    // left running resume at the next invocation, not before (the runtime blocks itself as
    // soon as its result is sent; SIGSTOP holds even a handler that got round that).
    this.freeze();
    if (!this.tmpOverLimit()) return undefined;
    this.kill();
    return noSpaceLeft();
  }

  protected override platformLogLine(requestId: string, error: RuntimeError): string | undefined {
    if (error.errorType === 'Runtime.OutOfMemory') return `${error.errorMessage}\n${error.errorType}`;
    if (error.errorMessage.startsWith('ENOSPC')) return `${new Date().toISOString()}\t${requestId}\tERROR\t${error.errorMessage}: /tmp holds more than its ${this.tmpLimitBytes / 1024 / 1024} MB (EphemeralStorage.Size); the environment was stopped`;
    return undefined;
  }

  /** After a result the runtime blocks itself until thaw() (no JavaScript runs); SIGSTOP also
   *  stops anything it could not (a handler busy in a loop of its own). SIGKILL ends it either way. */
  private freeze(): void {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.frozen = true;
    // Windows has no SIGSTOP (Node would kill the process): the runtime's own block suffices there.
    if (stopSignals) child.kill('SIGSTOP');
  }

  private thaw(): void {
    const child = this.child;
    if (!this.frozen || !child || child.exitCode !== null || child.signalCode !== null) return;
    this.frozen = false;
    if (stopSignals) child.kill('SIGCONT');
    child.stdin?.write('t');
  }

  private tmpOverLimit(): boolean {
    return this.dir !== undefined && directoryBytes(join(this.dir, 'tmp'), this.tmpLimitBytes) > this.tmpLimitBytes;
  }

  protected kill(): void {
    // Dead from now on, though the exit event comes later: no one may reuse this process.
    this.state = 'dead';
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private capture(text: string): void {
    for (const line of text.replace(/\n$/, '').split('\n')) this.logs.push({ timestamp: Date.now(), message: line });
  }

  private sampleMemory(): number {
    const rss = this.child?.pid ? readRssBytes(this.child.pid) : 0;
    if (rss > this.peakRss) this.peakRss = rss;
    return rss;
  }

  private exceededMemory(): boolean {
    return this.peakRss > this.memoryLimitBytes || /heap out of memory|Reached heap limit|Allocation failed/.test(this.stderrTail);
  }

  private exitError(requestId: string, code: number | null, signal: NodeJS.Signals | null): RuntimeError {
    if (this.exceededMemory()) return outOfMemory(requestId);
    const how = signal ? `signal: ${signalWords[signal] ?? signal}` : `exit status ${code}`;
    return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${how}` };
  }
}

const signalWords: Partial<Record<NodeJS.Signals, string>> = { SIGKILL: 'killed', SIGABRT: 'aborted', SIGSEGV: 'segmentation fault', SIGTERM: 'terminated' };

/** What Node gives a write past the end of Lambda's ephemeral storage; the sandbox measures the
 *  function's tmp/ and stops the environment instead of failing the write itself. */
function noSpaceLeft(): RuntimeError {
  return { errorType: 'Error', errorMessage: 'ENOSPC: no space left on device, write', trace: ['Error: ENOSPC: no space left on device, write'] };
}

function outOfMemory(requestId: string): RuntimeError {
  return { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` };
}

/** V8's own report of a heap overflow: detected, not shown as the handler's output. */
function isV8Noise(text: string): boolean {
  return /<--- Last few GCs --->|<--- JS stacktrace --->|FATAL ERROR:|^\s*\d+: 0x[0-9a-f]+ /m.test(text) || /^\[\d+:0x[0-9a-f]+\]/m.test(text);
}
