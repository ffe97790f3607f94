// An HTTP request exactly as given, Host header and all (fetch would set its own Host): what a
// browser on another site, or a rebinding page, really sends.
import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(endpoint: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawAnswer> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    // With no Host in `headers`, none is sent at all (Node would add its own).
    const setHost = Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'host');
    const outgoing = request({ host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
