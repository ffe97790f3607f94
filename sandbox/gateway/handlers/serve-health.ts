// GET /_infralabs/health: whether the backend is up, for the CLI, the site and people.
import type { RequestHandler } from '../types.ts';

export const serveHealth: RequestHandler = async (exchange, { backend, warming }) => {
  const { method, path } = exchange.request;
  if (method !== 'GET' || path !== '/_infralabs/health') return undefined;
  const ready = await backend.ready();
  return {
    status: ready ? 200 : 503,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'infralabs-sandbox', backend: backend.kind, name: backend.name, lambda: backend.ourLambda ? 'ours' : 'backend', version: await backend.version(), ready,
      // A class sandbox: whether its roster's accounts are made yet (warm-accounts.ts).
      ...(warming ? { accountsReady: warming.ready() } : {}) }),
  };
};
