// The Node host's way to a backend: an HTTP request to its URL (moto's port, or an emulator's),
// on kept-alive connections. Other hosts reach theirs otherwise (moto in Pyodide is called in-process).
import { Agent, request as httpRequest } from 'node:http';
import type { BackendRequest, BackendResponse } from './gateway/types.ts';

/** Connections to the backend are reused (moto is served by waitress, which keeps them alive): a
 *  new TCP connection per call was about half of the gateway's CPU time per call. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Longer than any single moto call takes; a hung backend must not hang the learner. */
const backendTimeoutMs = 60_000;

/** A kept-alive connection the backend closed just as a call went out on it. */
class StaleConnection extends Error {}

function send(url: string, request: BackendRequest): Promise<BackendResponse> {
  const { method, path, search, headers, body } = request;
  const target = new URL(url);
  const outgoing: Record<string, string | string[]> = { ...headers };
  delete outgoing['transfer-encoding'];
  outgoing['content-length'] = String(body.length);
  return new Promise<BackendResponse>((resolve, reject) => {
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
    forwarded.on('timeout', () => forwarded.destroy(Object.assign(new Error(`no answer within ${backendTimeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
    forwarded.on('error', (error: NodeJS.ErrnoException) => {
      reject(forwarded.reusedSocket && error.code === 'ECONNRESET' ? new StaleConnection(error.message) : error);
    });
    forwarded.end(body);
  });
}

/** Sends the request to the backend at `url`; once more when it went out on a connection the
 *  backend had just closed: the backend never read it (the documented case for retrying, in
 *  Node's http.Agent docs). Errors keep Node's codes (ECONNREFUSED, ETIMEDOUT), which
 *  forward-to-backend.ts tells the learner about. */
export async function forwardOverHttp(url: string, request: BackendRequest): Promise<BackendResponse> {
  try {
    return await send(url, request);
  } catch (error) {
    if (error instanceof StaleConnection) return send(url, request);
    throw error;
  }
}
