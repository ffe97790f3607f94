// What Lambda's Node.js runtime does to a handler's SDK calls that the browser build of the SDK
// cannot do by itself, added as one middleware on every client the handler constructs:
// - The X-Ray trace header: in Lambda the SDK sends _X_AMZN_TRACE_ID as X-Amzn-Trace-Id (its
//   recursion-detection middleware, Node builds only). Without it, a function that writes to the
//   bucket that triggers it would loop forever: the sandbox's S3 notifications stop a chain by the
//   Lineage this header carries (sandbox/lambda/trace-header.ts).
// - The freeze: Lambda freezes the environment once the handler's response is in, so a call the
//   handler did not await goes out, if ever, at the next invocation. A worker cannot be stopped,
//   so the call waits here instead, before it is signed, until an invocation runs again (the
//   Node host stops the process: lambda/freeze.test.ts; lambda-s3-trigger's forEach(async)
//   fixture depends on it).
type AnyClass = new (...args: any[]) => object;
interface Stack { add(middleware: unknown, options: Record<string, unknown>): void }

export interface SdkHooks {
  traceHeader(): string | undefined;
  /** Resolves at once while an invocation (or init) runs; while frozen, when the next one starts. */
  whenRunning(): Promise<void>;
}

const isClientClass = (value: unknown): value is AnyClass =>
  typeof value === 'function' && typeof (value as { prototype?: { send?: unknown } }).prototype?.send === 'function';

/** A copy of a module's exports whose client classes apply the hooks to every call. */
export function withSdkHooks(exports: Record<string, unknown>, hooks: SdkHooks): Record<string, unknown> {
  const result: Record<string, unknown> = { ...exports };
  for (const [name, value] of Object.entries(exports)) {
    if (!isClientClass(value)) continue;
    const Hooked = class extends value {
      constructor(...args: any[]) {
        super(...args);
        (this as unknown as { middlewareStack: Stack }).middlewareStack.add(
          (next: (args: unknown) => Promise<unknown>) => async (args: { request?: { headers?: Record<string, string> } }) => {
            await hooks.whenRunning();
            const header = hooks.traceHeader();
            const headers = args.request?.headers;
            if (header && headers && !Object.keys(headers).some((key) => key.toLowerCase() === 'x-amzn-trace-id')) headers['X-Amzn-Trace-Id'] = header;
            return next(args);
          },
          { step: 'build', name: 'infralabsLambdaRuntime' },
        );
      }
    };
    Object.defineProperty(Hooked, 'name', { value: name });
    result[name] = Hooked;
  }
  return result;
}
