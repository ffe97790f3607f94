// /_infralabs/ paths are the sandbox's own: the ones the gateway does not serve are never passed
// on to the backend, whose admin routes (server.py) must stay private to the gateway.
import type { RequestHandler } from '../types.ts';

export const guardAdminPaths: RequestHandler = (exchange) => {
  if (!exchange.request.path.startsWith('/_infralabs/')) return undefined;
  return {
    status: 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: `No sandbox route ${exchange.request.method} ${exchange.request.path}: see GET /_infralabs/health, POST /_infralabs/reset, POST /_infralabs/join, GET /_infralabs/website/<bucket>/<key>.` }),
  };
};
