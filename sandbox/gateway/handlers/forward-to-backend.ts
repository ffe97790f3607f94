// The last request handler: everything not answered by the gateway goes to the backend,
// in the account that resolveAccount chose.
import { request as httpRequest } from 'node:http';
import type { GatewayResponse, RequestHandler } from '../types.ts';

export const forwardToBackend: RequestHandler = (exchange, { backend }) => {
  const { method, path, search, headers, body } = exchange.request;
  const target = new URL(backend.url());
  const outgoing: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) outgoing[name] = value;
  if (backend.kind === 'moto') outgoing['x-moto-account-id'] = exchange.account;
  delete outgoing['transfer-encoding'];
  outgoing['content-length'] = String(body.length);
  return new Promise<GatewayResponse>((resolve, reject) => {
    const forwarded = httpRequest({
      host: target.hostname,
      port: target.port,
      method,
      path: search ? `${path}?${search}` : path,
      headers: outgoing,
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
    forwarded.on('error', reject);
    forwarded.end(body);
  });
};
