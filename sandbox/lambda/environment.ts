// The Node host's execution environment (execution-environment.ts): a Node process running one
// function version's code from its own directory, confined by the permission model
// (runtime-processes.ts), with a clean environment, a heap limit, an RSS watch and a cap on its
// /tmp, killed at timeout, and frozen between invocations as Lambda freezes an environment.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { takeRuntime } from './runtime-processes.ts';
import type { EnvironmentSpec, ExecutionEnvironment, InvokeInput, InvokeOutcome, RuntimeError } from './execution-environment.ts';
import { extractCode } from './extract-code.ts';
import { functionEnvironment } from './function-env.ts';
import { logStreamName, type LogEvent } from './log-lines.ts';
import { readRssBytes } from './process-memory.ts';
import { timedOut, timedOutLogLine, withRequestId } from './runtime-errors.ts';
import { directoryBytes } from './tmp-usage.ts';

/** At most this long to load the handler (AWS allows 10 s of init). */
const initLimitMs = 10_000;
const memoryPollMs = 25;
/** /tmp is measured less often than memory: walking it costs more than reading /proc. */
const tmpPollMs = 100;
const stopSignals = process.platform !== 'win32';

type ChildMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: RuntimeError }
  | { type: 'log'; text: string }
  | { type: 'result'; requestId: string; ok: boolean; payload?: string; error?: RuntimeError; fatal?: boolean };

export class NodeExecutionEnvironment implements ExecutionEnvironment {
  readonly id = randomBytes(16).toString('hex');
  readonly logStreamName: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly account: string;
  state: 'starting' | 'idle' | 'busy' | 'dead' = 'starting';
  lastUsed = Date.now();
  retiring = false;
  /** Held by an invocation (or being started for one); the pool hands it to no one else. */
  leased = false;
  private child: ChildProcess | undefined;
  /** The runtime process's own directory (task/, tmp/, node_modules), known once it is taken. */
  private dir: string | undefined;
  /** The runtime sent a result and waits for a thaw byte (bootstrap.mjs). */
  private frozen = false;
  private logs: LogEvent[] = [];
  private stderrTail = '';
  private initDurationMs: number | undefined;
  private initError: RuntimeError | undefined;
  private peakRss = 0;
  private onMessage: ((message: ChildMessage) => void) | undefined;
  private onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;

  private readonly spec: EnvironmentSpec;

  constructor(spec: EnvironmentSpec) {
    this.spec = spec;
    this.key = spec.key;
    this.fingerprint = spec.fingerprint;
    this.account = spec.account;
    this.logStreamName = logStreamName(spec.executedVersion, this.id);
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
      else this.onMessage?.(message);
    });
    // A send on a channel that just closed reports here; the exit handler tells the invocation.
    child.on('error', () => { this.state = 'dead'; });
    child.on('exit', (code, signal) => {
      this.state = 'dead';
      this.onExit?.(code, signal);
    });
    child.send({ type: 'init', env, cwd: taskRoot });
    const watch = setInterval(() => this.sampleMemory(), memoryPollMs);
    const initLimit = initLimitMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.initError = timedOut('init', initLimit / 1000);
          this.kill();
          resolve();
        }, initLimit);
        this.onMessage = (message) => {
          if (message.type === 'init-error') this.initError = message.error;
          resolve();
        };
        this.onExit = (code, signal) => {
          this.initError ??= this.exitError('init', code, signal);
          resolve();
        };
        child.once('error', (error) => {
          this.initError ??= { errorType: 'Runtime.Unknown', errorMessage: `could not start the Node.js runtime: ${error.message}` };
          resolve();
        });
      });
    } finally {
      clearTimeout(timer);
      clearInterval(watch);
      this.onMessage = undefined;
      this.onExit = undefined;
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
    this.peakRss = 0;
    const finish = (status: InvokeOutcome['status'], payload: string, error?: RuntimeError): InvokeOutcome => {
      const logs = this.logs;
      this.logs = [];
      // What the platform itself writes when it ends an invocation.
      if (status === 'timeout' && error) {
        logs.push({ timestamp: Date.now(), message: timedOutLogLine(input.requestId, error) });
      } else if (error && /^Runtime\.(OutOfMemory|ExitError)$/.test(error.errorType)) {
        logs.push({ timestamp: Date.now(), message: `${error.errorMessage}\n${error.errorType}` });
      } else if (error?.errorMessage.startsWith('ENOSPC')) {
        logs.push({ timestamp: Date.now(), message: `${new Date().toISOString()}\t${input.requestId}\tERROR\t${error.errorMessage}: /tmp holds more than its ${this.tmpLimitBytes / 1024 / 1024} MB (EphemeralStorage.Size); the environment was stopped` });
      }
      return {
        payload, error, status,
        durationMs: performance.now() - started,
        maxMemoryUsedMb: Math.max(1, Math.round(this.peakRss / 1024 / 1024)),
        initDurationMs,
        initLogs,
        logs,
      };
    };
    if (this.initError) {
      const error = withRequestId(this.initError, input.requestId);
      this.initError = undefined;
      return finish(error.errorType === 'Sandbox.Timedout' ? 'timeout' : 'error', JSON.stringify(error), error);
    }
    const child = this.child!;
    if (this.state !== 'idle') {
      const error = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${input.requestId} Error: Runtime exited before the invocation` };
      return finish('error', JSON.stringify(error), error);
    }
    this.state = 'busy';
    this.thaw();
    const deadline = Date.now() + configuration.Timeout * 1000;
    return new Promise<InvokeOutcome>((resolve) => {
      let done = false;
      const settle = (outcome: InvokeOutcome) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(watch);
        clearInterval(tmpWatch);
        this.onMessage = undefined;
        this.onExit = undefined;
        if (this.state === 'busy') this.state = 'idle';
        this.lastUsed = Date.now();
        resolve(outcome);
      };
      const fail = (status: InvokeOutcome['status'], error: RuntimeError) => settle(finish(status, JSON.stringify(error), error));
      const timer = setTimeout(() => {
        this.kill();
        fail('timeout', timedOut(input.requestId, configuration.Timeout));
      }, configuration.Timeout * 1000);
      const watch = setInterval(() => {
        if (this.sampleMemory() > this.memoryLimitBytes) {
          this.kill();
          fail('error', outOfMemory(input.requestId));
        }
      }, memoryPollMs);
      const tmpWatch = setInterval(() => {
        if (!this.tmpOverLimit()) return;
        this.kill();
        fail('error', noSpaceLeft());
      }, tmpPollMs);
      this.onMessage = (message) => {
        if (message.type !== 'result' || message.requestId !== input.requestId) return;
        this.sampleMemory();
        // An error nobody caught ends the process (the runtime exits right after telling us).
        if (message.fatal) this.kill();
        // Lambda freezes the environment once the response is in: timers and work the handler
        // left running resume at the next invocation, not before (the runtime blocks itself as
        // soon as its result is sent; SIGSTOP holds even a handler that got round that).
        else this.freeze();
        if (!message.fatal && this.tmpOverLimit()) {
          this.kill();
          fail('error', noSpaceLeft());
        } else if (message.ok) settle(finish('success', message.payload ?? 'null'));
        else fail('error', message.error!);
      };
      this.onExit = (code, signal) => {
        // Give messages already in the pipe (a result sent just before exiting) a moment to land.
        setTimeout(() => {
          if (this.exceededMemory()) fail('error', outOfMemory(input.requestId));
          else fail('error', this.exitError(input.requestId, code, signal));
        }, 30);
      };
      child.send({
        type: 'invoke',
        requestId: input.requestId,
        event: input.event,
        deadline,
        functionVersion: this.spec.executedVersion,
        invokedFunctionArn: input.invokedFunctionArn,
        clientContext: input.clientContext,
        traceHeader: input.traceHeader,
      });
    });
  }

  /** Stops the process and deletes its directory. */
  dispose(): void {
    this.kill();
    this.state = 'dead';
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
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

  private kill(): void {
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
