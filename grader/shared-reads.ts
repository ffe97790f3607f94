// During one grade, checks ask the same questions (five checks describe the same instance): the
// first identical read (Describe/List/Get/Head with the same input) goes to the sandbox, the others
// share its answer. Each caller gets its own copy, so a check may sort or change what it got.
// Once a check changes something (elb-asg terminates an instance and watches the group replace
// it), shared answers may be stale: from then on every read of the grade goes to the sandbox.
// Browser-safe.
import type { Clients, LabContext } from './lab.ts';

const readOnly = /^(Describe|List|Get|Head)/;
/** Streaming answers cannot be shared or copied. */
const streaming = /^GetObject(Torrent)?Command$/;

interface Command {
  input: unknown;
  constructor: { name: string };
}

interface Shared {
  cache: Map<string, Promise<unknown>>;
  /** A write was sent during this grade. */
  changed: boolean;
}

function cachedClient<T extends object>(client: T, shared: Shared, prefix: string): T {
  const { cache } = shared;
  const send = (client as unknown as { send(command: Command, options?: unknown): Promise<unknown> }).send.bind(client);
  const cachedSend = (command: Command, options?: unknown) => {
    const name = command?.constructor?.name ?? '';
    if (!readOnly.test(name)) {
      shared.changed = true;
      cache.clear();
    }
    if (shared.changed || !readOnly.test(name) || streaming.test(name)) return send(command, options);
    const key = `${prefix}:${name}:${JSON.stringify(command.input)}`;
    let answer = cache.get(key);
    // The shared request runs without one check's abort signal: each check's own time limit still applies.
    if (!answer) cache.set(key, (answer = send(command)));
    return answer.then((response) => structuredClone(response));
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
  const names: (keyof Clients)[] = ['ec2', 's3', 'iam', 'lambda', 'ecs', 'eks', 'elbv2', 'autoscaling', 'logs', 'sts'];
  const properties: PropertyDescriptorMap = {};
  for (const name of names) {
    properties[name] = { enumerable: true, get: () => (wrapped[name] ??= cachedClient(context[name], shared, name) as never) };
  }
  return Object.create(context, properties) as LabContext;
}
