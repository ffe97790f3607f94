// The Node.js runtime of Lambda, for a function that runs in the page: loads the handler named by
// _HANDLER from the package's files, then runs invocations one at a time with Lambda's event,
// context, callback, environment (process.env) and log lines, and answers each in the shape
// the Node host's runtime gives (sandbox/lambda/runtime/bootstrap.mjs, load-handler.mjs).
// No DOM or Worker dependency: lambda-worker.ts is the Worker around it, and a Node test runs it
// with the real SDK. Timeouts are the environment's business (it terminates the worker).
import type { RuntimeInvocation } from '../../../sandbox/lambda/environment-lifecycle.ts';
import type { RuntimeError } from '../../../sandbox/lambda/execution-environment.ts';
import type { LogEvent } from '../../../sandbox/lambda/log-lines.ts';
import { clientDefaults, withClientDefaults } from '../worker/client-defaults.ts';
import { formatArgs } from '../worker/format-value.ts';
import { FunctionModules, ModuleNotFound, sdkPackagesIn, type SdkLoader } from './lambda-modules.ts';
import { withSdkHooks } from './lambda-sdk-hooks.ts';

export interface FunctionPackage {
  /** The deployment package's files, by their path in the zip. */
  files: Record<string, Uint8Array>;
  /** The function's environment (sandbox/lambda/function-env.ts), _HANDLER included. */
  env: Record<string, string>;
  /** The SDK packages as published; the runtime gives their clients the sandbox's defaults. */
  loadSdk: SdkLoader;
  /** Each line the function writes (console, and the runtime's own error lines). */
  log: (event: LogEvent) => void;
}

/** One invocation, as the shared lifecycle hands it to every host's runtime. */
export type InvokeMessage = RuntimeInvocation;

/** As the Node host's runtime reports an invocation; `fatal`: the environment cannot go on. */
export type InvokeResult = { ok: true; payload: string } | { ok: false; error: RuntimeError; fatal?: boolean };

type Handler = (event: unknown, context: Record<string, unknown>, callback: (error?: unknown, value?: unknown) => void) => unknown;

/** AWS's shape of an error in an invoke response. */
export function formatError(error: unknown): RuntimeError {
  try {
    if (error instanceof Error) return { errorType: error.name, errorMessage: error.message, trace: error.stack ? error.stack.split('\n') : [] };
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack', trace: [] };
  }
}

function runtimeError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE', table: 'INFO', dir: 'INFO' } as const;

export class LambdaFunction {
  private readonly env: Record<string, string>;
  private readonly write: (event: LogEvent) => void;
  /** Timers the handler's own code started and that have not fired: callbackWaitsForEmptyEventLoop waits for them. */
  private readonly pendingTimers = new Set<unknown>();
  private handler: Handler | undefined;
  private current: { requestId: string; settle: (result: InvokeResult) => void } | undefined;
  /** Frozen between invocations (after init, once a response is in): the handler's SDK calls and
   *  timers wait for the next invocation, as Lambda's freeze makes them (lambda-sdk-hooks.ts). */
  private frozen = false;
  private thawed: Array<() => void> = [];
  readonly console: Record<keyof typeof levels, (...args: unknown[]) => void>;

  private constructor(pkg: FunctionPackage) {
    this.env = pkg.env;
    this.write = pkg.log;
    const line = (level: string) => (...args: unknown[]) => this.write({
      timestamp: Date.now(),
      message: `${new Date().toISOString()}\t${this.current?.requestId ?? 'undefined'}\t${level}\t${formatArgs(args)}`,
    });
    this.console = Object.fromEntries(Object.entries(levels).map(([method, level]) => [method, line(level)])) as LambdaFunction['console'];
  }

  /** Loads the handler; an init error (Runtime.ImportModuleError, Runtime.HandlerNotFound, ...) is
   *  logged as Lambda logs it and returned, for the first invocation to answer with. */
  static async load(pkg: FunctionPackage): Promise<{ fn: LambdaFunction } | { error: RuntimeError }> {
    const fn = new LambdaFunction(pkg);
    try {
      await fn.loadHandler(pkg);
      return { fn };
    } catch (error) {
      const shaped = formatError(error);
      fn.console.error(`Uncaught Exception \t${JSON.stringify(shaped)}`);
      return { error: shaped };
    }
  }

  private async loadHandler(pkg: FunctionPackage): Promise<void> {
    const handlerString = this.env._HANDLER ?? '';
    if (handlerString.includes('..')) {
      throw runtimeError('Runtime.MalformedHandlerName', `'${handlerString}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
    }
    const slash = handlerString.lastIndexOf('/') + 1;
    const rest = handlerString.slice(slash);
    const dot = rest.indexOf('.');
    if (dot === -1) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
    const moduleName = rest.slice(0, dot);
    const handlerName = rest.slice(dot + 1);
    const modules = new FunctionModules(pkg.files, await this.loadSdk(pkg), this.scope());
    let module: unknown;
    try {
      const entry = modules.findEntry(handlerString.slice(0, slash) + moduleName);
      if (!entry) throw new ModuleNotFound(`Cannot find module '${moduleName}'`);
      module = await modules.importEntry(entry);
    } catch (error) {
      if (error instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(error));
      if (error instanceof ModuleNotFound) throw runtimeError('Runtime.ImportModuleError', String(error));
      throw error;
    }
    const findIn = (from: unknown) => handlerName.split('.').reduce<unknown>((nested, key) =>
      (nested && (typeof nested === 'object' || typeof nested === 'function') ? (nested as Record<string, unknown>)[key] : undefined), from);
    let handler = findIn(module);
    if (!handler && module && typeof module === 'object' && 'default' in module) handler = findIn(module.default);
    if (!handler) throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
    if (typeof handler !== 'function') throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
    if (handler.length >= 3 && /^AWS_Lambda_nodejs(2[4-9]|[3-9]\d)/.test(this.env.AWS_EXECUTION_ENV ?? '')) {
      throw runtimeError('Runtime.CallbackHandlerDeprecated', 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.');
    }
    this.handler = handler as Handler;
    this.frozen = true;
  }

  private whenRunning(): Promise<void> {
    return this.frozen ? new Promise((resolve) => this.thawed.push(resolve)) : Promise.resolve();
  }

  private thaw(): void {
    this.frozen = false;
    for (const resume of this.thawed.splice(0)) resume();
  }

  /** The SDK packages the code names, loaded before it runs (its require is synchronous), each
   *  client reaching the sandbox in the function's account and region, as AWS_ENDPOINT_URL and
   *  the function's credentials make the SDK do in Lambda's Node.js runtime. */
  private async loadSdk(pkg: FunctionPackage): Promise<Map<string, Record<string, unknown>>> {
    const { env } = this;
    const base = clientDefaults({ endpoint: env.AWS_ENDPOINT_URL ?? '', account: env.AWS_ACCESS_KEY_ID ?? '', secret: env.AWS_SECRET_ACCESS_KEY });
    const defaults = {
      ...base,
      // A role's credentials have a session token, as AWS_SESSION_TOKEN gives Lambda's runtime;
      // the in-page sandbox also tells a handler's calls by it (it does not keep them, page-host.ts).
      credentials: { ...base.credentials, sessionToken: env.AWS_SESSION_TOKEN },
      region: env.AWS_REGION,
    };
    const loaded = new Map<string, Record<string, unknown>>();
    for (const name of sdkPackagesIn(pkg.files)) {
      const module = await pkg.loadSdk(name);
      if (module) loaded.set(name, withSdkHooks(withClientDefaults(module, defaults), { traceHeader: () => env._X_AMZN_TRACE_ID, whenRunning: () => this.whenRunning() }));
    }
    return loaded;
  }

  /** The globals the function's modules see in place of the host's: Lambda's environment variables, a
   *  console that writes log lines, and timers that callbackWaitsForEmptyEventLoop can wait for. */
  private scope(): Record<string, unknown> {
    const pending = this.pendingTimers;
    const process = {
      env: this.env,
      platform: 'linux',
      version: 'v22.0.0',
      versions: { node: '22.0.0' },
      argv: ['/var/lang/bin/node'],
      cwd: () => '/var/task',
      nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
      hrtime: { bigint: () => BigInt(Math.round(performance.now() * 1e6)) },
      uptime: () => performance.now() / 1000,
      emitWarning: () => undefined,
      on: () => process,
      once: () => process,
    };
    return {
      process,
      console: this.console,
      setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          // Due while frozen: it fires at the thaw, as on AWS.
          void this.whenRunning().then(() => callback(...args));
        }, ms);
        pending.add(timer);
        return timer;
      },
      clearTimeout: (timer: ReturnType<typeof setTimeout>) => {
        pending.delete(timer);
        clearTimeout(timer);
      },
    };
  }

  /** Waits while the handler's timers are pending, up to the deadline (callbackWaitsForEmptyEventLoop). */
  private async settleTimers(deadline: number): Promise<void> {
    while (this.pendingTimers.size > 0 && Date.now() < deadline - 20) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Runs one invocation: an async handler's value, a callback's, or the error, in AWS's shapes. */
  invoke(message: InvokeMessage): Promise<InvokeResult> {
    const handler = this.handler!;
    const { requestId, deadline } = message;
    // As Lambda's runtime does: the SDK in the handler sends it on (recursive loop detection).
    this.env._X_AMZN_TRACE_ID = message.traceHeader;
    return new Promise<InvokeResult>((resolve) => {
      let settled = false;
      const settle = (result: InvokeResult) => {
        if (settled) return;
        settled = true;
        if (!result.ok) this.console.error(`Invoke Error \t${JSON.stringify({ ...result.error, stack: result.error.trace })}`);
        this.current = undefined;
        this.frozen = true;
        resolve(result);
      };
      this.current = { requestId, settle };
      this.thaw();
      const context: Record<string, unknown> = {
        callbackWaitsForEmptyEventLoop: true,
        functionName: this.env.AWS_LAMBDA_FUNCTION_NAME,
        functionVersion: message.functionVersion,
        invokedFunctionArn: message.invokedFunctionArn,
        memoryLimitInMB: this.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
        awsRequestId: requestId,
        logGroupName: this.env.AWS_LAMBDA_LOG_GROUP_NAME,
        logStreamName: this.env.AWS_LAMBDA_LOG_STREAM_NAME,
        identity: undefined,
        clientContext: message.clientContext,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      };
      const finish = (error?: unknown, value?: unknown) => {
        const result: InvokeResult = error !== undefined && error !== null ? { ok: false, error: formatError(error) } : serialize(value);
        if (context.callbackWaitsForEmptyEventLoop) void this.settleTimers(deadline).then(() => settle(result));
        else settle(result);
      };
      context.done = finish;
      context.succeed = (value: unknown) => finish(null, value);
      context.fail = (error: unknown) => finish(error ?? new Error('handled'));
      try {
        const returned = handler(message.event, context, finish) as { then?: unknown } | undefined;
        if (returned && typeof returned.then === 'function') {
          (returned as Promise<unknown>).then((value) => settle(serialize(value)), (error: unknown) => settle({ ok: false, error: formatError(error) }));
        } else if (handler.length < 3) {
          // Neither a promise nor a callback: AWS answers null once the work it started is done.
          void this.settleTimers(deadline).then(() => settle(serialize(null)));
        }
      } catch (error) {
        settle({ ok: false, error: formatError(error) });
      }
    });
  }

  /** An error nobody caught (the worker's error or unhandledrejection event): it ends the
   *  invocation and the environment, as on AWS. */
  uncaught(reason: unknown, kind: 'exception' | 'rejection'): void {
    let shaped: RuntimeError;
    if (kind === 'exception') {
      shaped = formatError(reason);
      this.console.error(`Uncaught Exception \t${JSON.stringify(shaped)}`);
    } else {
      const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
      shaped = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: message, trace: [`Runtime.UnhandledPromiseRejection: ${message}`, ...(reason instanceof Error && reason.stack ? reason.stack.split('\n') : [])] };
      this.console.error(`Unhandled Promise Rejection \t${JSON.stringify(shaped)}`);
    }
    this.current?.settle({ ok: false, error: shaped, fatal: true });
  }
}

function serialize(value: unknown): InvokeResult {
  try {
    return { ok: true, payload: JSON.stringify(value === undefined ? null : value) ?? 'null' };
  } catch (error) {
    return { ok: false, error: formatError(runtimeError('Runtime.JSONStringifyError', `Unable to stringify response body: ${(error as Error).message}`)) };
  }
}
