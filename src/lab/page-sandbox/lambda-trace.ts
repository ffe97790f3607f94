// The X-Ray trace header on a handler's SDK calls. In Lambda's Node.js runtime the SDK sends
// _X_AMZN_TRACE_ID as X-Amzn-Trace-Id (its recursion-detection middleware, Node builds only);
// the browser build of the SDK has no such middleware, so the page adds it. Without it, a
// function that writes to the bucket that triggers it would loop forever: the sandbox's S3
// notifications stop a chain by the Lineage this header carries (sandbox/lambda/trace-header.ts).
type AnyClass = new (...args: any[]) => object;
interface Stack { add(middleware: unknown, options: Record<string, unknown>): void }

const isClientClass = (value: unknown): value is AnyClass =>
  typeof value === 'function' && typeof (value as { prototype?: { send?: unknown } }).prototype?.send === 'function';

/** A copy of a module's exports whose client classes send the current trace header. */
export function withTraceHeader(exports: Record<string, unknown>, traceHeader: () => string | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { ...exports };
  for (const [name, value] of Object.entries(exports)) {
    if (!isClientClass(value)) continue;
    const Traced = class extends value {
      constructor(...args: any[]) {
        super(...args);
        (this as unknown as { middlewareStack: Stack }).middlewareStack.add(
          (next: (args: unknown) => unknown) => (args: { request?: { headers?: Record<string, string> } }) => {
            const header = traceHeader();
            const headers = args.request?.headers;
            if (header && headers && !Object.keys(headers).some((key) => key.toLowerCase() === 'x-amzn-trace-id')) headers['X-Amzn-Trace-Id'] = header;
            return next(args);
          },
          { step: 'build', name: 'infralabsLambdaTraceHeader' },
        );
      }
    };
    Object.defineProperty(Traced, 'name', { value: name });
    result[name] = Traced;
  }
  return result;
}
