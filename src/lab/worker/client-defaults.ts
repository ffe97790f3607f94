// Every SDK client class a learner constructs gets the sandbox's settings as defaults, exactly
// like `infralabs run`: endpoint, region us-east-1, the account id as access key id, and
// path-style S3. The learner's own config still wins, key by key.
import { anySecret } from '../../../grader/sandbox-api.ts';

export interface SandboxTarget {
  endpoint: string;
  account: string;
  /** A class sandbox verifies signatures with the account's roster secret; any other accepts any. */
  secret?: string;
  /** How the clients send their requests, when not with the global fetch (sandbox-relay.ts). */
  fetch?: typeof fetch;
}

export function clientDefaults({ endpoint, account, secret = anySecret, fetch }: SandboxTarget) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: secret },
    forcePathStyle: true,
    // The SDK's own fetch handler, told which fetch to call: signing, timeouts and aborts stay its own.
    ...(fetch ? { requestHandler: { customFetch: fetch } } : {}),
  };
}

type AnyClass = new (...args: any[]) => object;

/** A client class (it has `send`): both `S3Client` and the aggregated `S3`. */
const isClientClass = (value: unknown): value is AnyClass =>
  typeof value === 'function' && typeof (value as { prototype?: { send?: unknown } }).prototype?.send === 'function';

/** A copy of a module's exports where each client class applies the defaults. */
export function withClientDefaults(exports: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...exports };
  for (const [name, value] of Object.entries(exports)) {
    if (!isClientClass(value)) continue;
    const Wrapped = class extends value {
      constructor(...args: any[]) {
        const [config = {}, ...rest] = args;
        super({ ...defaults, ...(config as object) }, ...rest);
      }
    };
    Object.defineProperty(Wrapped, 'name', { value: name });
    result[name] = Wrapped;
  }
  return result;
}
