// The last request handler: everything not answered by the gateway goes to the backend,
// in the account that resolveAccount chose. The host's backend object knows how to reach it
// (backend.forward: HTTP in the Node host).
import type { BackendRequest, Exchange, GatewayContext, RequestHandler } from '../types.ts';
import { backendFailure } from './translate-backend-error.ts';

/** How long a call waits for a restarting backend before it fails with a clear message. */
const restartWaitMs = 20_000;

function backendRequest(exchange: Exchange, { backend }: GatewayContext): BackendRequest {
  const { method, path, search, headers, body } = exchange.request;
  const outgoing: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) outgoing[name] = value;
  if (backend.kind === 'moto') outgoing['x-moto-account-id'] = exchange.account;
  return { method, path, search, headers: outgoing, body };
}

async function waitUntilReady(gateway: GatewayContext): Promise<boolean> {
  const deadline = Date.now() + restartWaitMs;
  while (Date.now() < deadline) {
    if (await gateway.backend.ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

export const forwardToBackend: RequestHandler = async (exchange, gateway) => {
  const request = backendRequest(exchange, gateway);
  try {
    return await gateway.backend.forward(request);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The host's backend says it gave up waiting (in its own words: "no answer within 60 s").
    if (code === 'ETIMEDOUT') {
      return backendFailure(exchange, `${(error as Error).message} (the backend is stuck; restart the sandbox)`, 504);
    }
    // Refused: moto is being restarted after a crash and never saw the call, so sending it again
    // once moto is back cannot do anything twice. An external backend is not ours to restart.
    if (code === 'ECONNREFUSED' && gateway.backend.kind === 'moto' && await waitUntilReady(gateway)) {
      try {
        return await gateway.backend.forward(request);
      } catch {
        // fall through to the message below
      }
    }
    return backendFailure(exchange, `the backend at ${gateway.backend.url()} is not reachable (${code ?? String(error)}); check that the sandbox is running (npx infralabs sandbox) and try again`, 503);
  }
};
