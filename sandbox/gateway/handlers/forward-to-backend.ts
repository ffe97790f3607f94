// The last request handler: everything not answered by the gateway goes to the backend,
// in the account that resolveAccount chose.
import { Agent, request as httpRequest } from 'node:http';
import type { Exchange, GatewayContext, GatewayResponse, RequestHandler } from '../types.ts';
import { backendFailure } from './translate-backend-error.ts';

/** Connections to the backend are reused (moto is served by waitress, which keeps them alive): a
 *  new TCP connection per call was about half of the gateway's CPU time per call. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Longer than any single moto call takes; a hung backend must not hang the learner. */
const backendTimeoutMs = 60_000;
/** How long a call waits for a restarting backend before it fails with a clear message. */
const restartWaitMs = 20_000;

/** A kept-alive connection the backend closed just as a call went out on it. */
class StaleConnection extends Error {}

function send(exchange: Exchange, { backend }: GatewayContext): Promise<GatewayResponse> {
  const { method, path, search, headers, body } = exchange.request;
  const target = new URL(backend.url());
  const outgoing: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) outgoing[name] = value;
  if (backend.kind === 'moto') outgoing['x-moto-account-id'] = exchange.account;
  Object.assign(outgoing, backend.headers());
  delete outgoing['transfer-encoding'];
  outgoing['content-length'] = String(body.length);
  return new Promise<GatewayResponse>((resolve, reject) => {
    const forwarded = httpRequest({
      host: target.hostname,
      port: target.port,
      method,
      path: search ? `${path}?${search}` : path,
      headers: outgoing,
      agent,
      timeout: backendTimeoutMs,
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const responseHeaders: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders[name] = value;
        resolve({ status: response.statusCode ?? 502, headers: responseHeaders, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    forwarded.on('timeout', () => forwarded.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    forwarded.on('error', (error: NodeJS.ErrnoException) => {
      reject(forwarded.reusedSocket && error.code === 'ECONNRESET' ? new StaleConnection(error.message) : error);
    });
    forwarded.end(body);
  });
}

async function waitUntilReady(gateway: GatewayContext): Promise<boolean> {
  const deadline = Date.now() + restartWaitMs;
  while (Date.now() < deadline) {
    if (await gateway.backend.ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** Sends once more when the call went out on a connection the backend had just closed: the
 *  backend never read it (the documented case for retrying, in Node's http.Agent docs). */
async function sendOnLiveConnection(exchange: Exchange, gateway: GatewayContext): Promise<GatewayResponse> {
  try {
    return await send(exchange, gateway);
  } catch (error) {
    if (error instanceof StaleConnection) return send(exchange, gateway);
    throw error;
  }
}

export const forwardToBackend: RequestHandler = async (exchange, gateway) => {
  try {
    return await sendOnLiveConnection(exchange, gateway);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') {
      return backendFailure(exchange, `no answer within ${backendTimeoutMs / 1000} s (the backend is stuck; restart the sandbox)`, 504);
    }
    // Refused: moto is being restarted after a crash and never saw the call, so sending it again
    // once moto is back cannot do anything twice. An external backend is not ours to restart.
    if (code === 'ECONNREFUSED' && gateway.backend.kind === 'moto' && await waitUntilReady(gateway)) {
      try {
        return await send(exchange, gateway);
      } catch {
        // fall through to the message below
      }
    }
    return backendFailure(exchange, `the backend at ${gateway.backend.url()} is not reachable (${code ?? String(error)}); check that the sandbox is running (npx infralabs sandbox) and try again`, 503);
  }
};
