// During one grade, checks ask the same questions (five checks describe the same instance): the
// first identical read (Describe/List/Get/Head with the same input) goes to the sandbox, the others
// share its answer. Each caller gets its own copy, so a check may sort or change what it got.
// Once a check changes something (elb-asg terminates an instance and watches the group replace
// it), shared answers may be stale: from then on every read of the grade goes to the sandbox.
//
// A read is recognised by the name the SDK itself gives the command (the middleware context's
// `commandName`, e.g. "DescribeInstancesCommand"), never by the command's class name: the site's
// build minifies class names (`jd`, `Md`), which would make every command look like a write.
// Browser-safe.
import type { Clients, LabContext } from './lab.ts';
import { serviceNames } from './services.ts';

const readOnly = /^(Describe|List|Get|Head)/;
/** Streaming answers cannot be shared or copied. */
const streaming = /^GetObject(Torrent)?Command$/;

interface Command {
  input: unknown;
  middlewareStack: { add(middleware: unknown, options: { step: 'initialize'; priority: 'high'; name: string; override: true }): void };
}
type Next = (args: { input: unknown }) => Promise<{ output: unknown }>;

interface Shared {
  cache: Map<string, Promise<{ output: unknown }>>;
  /** A write was sent during this grade. */
  changed: boolean;
}

/** Rejects when the caller's signal aborts: the shared request itself carries no check's signal. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function cachedClient<T extends object>(client: T, shared: Shared, prefix: string): T {
  const { cache } = shared;
  const send = (client as unknown as { send(command: Command, options?: unknown): Promise<unknown> }).send.bind(client);
  // Runs first in the command's own stack (before the client's middleware), where the SDK names it.
  const sharing = (next: Next, context: { commandName?: string }) => async (args: { input: unknown }) => {
    const name = context.commandName ?? '';
    if (!readOnly.test(name)) {
      shared.changed = true;
      cache.clear();
    }
    if (shared.changed || !readOnly.test(name) || streaming.test(name)) return next(args);
    const key = `${prefix}:${name}:${JSON.stringify(args.input)}`;
    let answer = cache.get(key);
    if (!answer) {
      cache.set(key, (answer = next(args)));
      // A failed read is not shared with later callers: they ask again.
      answer.catch(() => cache.get(key) === answer && cache.delete(key));
    }
    const { output, ...rest } = await answer;
    return { ...rest, output: structuredClone(output) };
  };
  const cachedSend = (command: Command, options?: { abortSignal?: AbortSignal }) => {
    if (!command?.middlewareStack) return send(command, options);
    command.middlewareStack.add(sharing, { step: 'initialize', priority: 'high', name: 'infralabsSharedReads', override: true });
    // The request goes out without this check's abort signal, since another check may share it;
    // each check's own time limit still applies to what it waits for.
    const { abortSignal, ...rest } = options ?? {};
    return abortable(send(command, Object.keys(rest).length ? rest : undefined), abortSignal);
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'send') return cachedSend;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The context with its clients' reads shared for the life of the returned object (one grade). */
export function withSharedReads(context: LabContext): LabContext {
  const shared: Shared = { cache: new Map(), changed: false };
  const wrapped: Partial<Clients> = {};
  const properties: PropertyDescriptorMap = {};
  for (const name of serviceNames) {
    properties[name] = { enumerable: true, get: () => (wrapped[name] ??= cachedClient(context[name], shared, name) as never) };
  }
  return Object.create(context, properties) as LabContext;
}
