// The context checks and setups receive: SDK v3 clients for one account of the sandbox, created
// on first use (a lab touches two or three services of ten). Browser-safe: no Node built-ins.
import type { Clients, LabContext } from './lab.ts';
import { anySecret } from './sandbox-api.ts';
import { serviceNames, services, type ClientConfig, type Service } from './services.ts';

export interface ContextOptions {
  /** The sandbox gateway URL, e.g. http://localhost:4566 */
  endpoint: string;
  /** 12-digit account id (the access key id the gateway maps to the account). */
  account: string;
  /** The account's secret access key: a classroom sandbox verifies signatures with it (its roster's
   *  secret); a sandbox without a roster accepts any, hence the default. */
  secret?: string;
}

// Every service's SDK package, loaded before any context exists, so that a client can be built
// the moment a check first asks for it. A top-level await: a module worker that imports this
// must add its message listener first (see src/lab/worker/tools-worker.ts), or the messages
// sent while the packages load are lost.
const sdks = Object.fromEntries(await Promise.all(serviceNames.map(async (name) => [name, await services[name].load()] as const))) as Record<Service, unknown>;

function createClient<K extends Service>(name: K, config: ClientConfig): Clients[K] {
  return (services[name].client as (sdk: unknown, config: ClientConfig) => Clients[K])(sdks[name], config);
}

function clientConfig({ endpoint, account, secret }: ContextOptions): ClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: secret ?? anySecret },
    // The sandbox is local: a second attempt covers a blip; more only delays "cannot reach".
    maxAttempts: 2,
  };
}

export function createLabContext(options: ContextOptions): LabContext {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const config = clientConfig({ endpoint, account: options.account, secret: options.secret });
  const created: Partial<Clients> = {};
  const context = {
    account: options.account,
    region: 'us-east-1' as const,
    endpoint,
    signal: new AbortController().signal,
    async fetchWebsite(bucket: string, path: string) {
      const key = path.replace(/^\/+/, '');
      const response = await fetch(`${endpoint}/_infralabs/website/${encodeURIComponent(bucket)}/${key}`, { signal: this.signal });
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', etag: response.headers.get('etag') ?? '', body: await response.text() };
    },
  } as LabContext;
  for (const name of serviceNames) {
    Object.defineProperty(context, name, {
      enumerable: true,
      get: () => (created[name] ??= createClient(name, config) as never),
    });
  }
  return context;
}

/** The same context (same clients) with a check's own abort signal. */
export function withSignal(context: LabContext, signal: AbortSignal): LabContext {
  return Object.create(context, { signal: { value: signal, enumerable: true } }) as LabContext;
}
