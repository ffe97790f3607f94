// SDK clients for calls the gateway makes for itself (rules, website). They go through the
// gateway in the learner's own account, so they see exactly what the learner may see.
// One client per service and account is kept: a client built per call opened a new connection
// each time and set up its middleware again, which the website endpoint paid several times a page.
import type { GatewayContext } from './types.ts';

export function internalConfig(gateway: GatewayContext, account: string) {
  return {
    endpoint: gateway.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: 'infralabs-gateway' },
    forcePathStyle: true,
    maxAttempts: 1,
  };
}

interface Destroyable { destroy(): void }

/** Enough for a classroom's active accounts; the least recently used client goes first. */
const maxClients = 200;
const clients = new Map<string, Destroyable>();

export function internalClient<C extends Destroyable>(
  gateway: GatewayContext,
  Client: new (config: ReturnType<typeof internalConfig>) => C,
  account: string,
): C {
  const key = `${gateway.endpoint}|${Client.name}|${account}`;
  const kept = clients.get(key);
  if (kept) {
    clients.delete(key);
    clients.set(key, kept);
    return kept as C;
  }
  if (clients.size >= maxClients) {
    const [oldest, client] = clients.entries().next().value!;
    clients.delete(oldest);
    client.destroy();
  }
  const client = new Client(internalConfig(gateway, account));
  clients.set(key, client);
  return client;
}

/** Closes the clients of a gateway that is stopping. */
export function closeInternalClients(gateway: GatewayContext): void {
  for (const [key, client] of clients) {
    if (!key.startsWith(`${gateway.endpoint}|`)) continue;
    clients.delete(key);
    client.destroy();
  }
}

/** The name of an SDK error, or undefined for success-like absence ("no such thing"). */
export function errorName(error: unknown): string {
  return (error as { name?: string }).name ?? 'Error';
}
