// For tests in Node: an AWS SDK v3 request handler that hands each signed request to an
// in-process answerer (moto in Pyodide, or the page's whole host) instead of HTTP, as the page's
// service worker does in a browser. Node streams only here: the SDK's Node runtime reads bodies so.
import { Readable } from 'node:stream';
import type { HttpRequest } from '@smithy/types';

export interface PlainRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface PlainAnswer {
  status: number;
  headers: Record<string, string | string[]> | [string, string][];
  body: Uint8Array;
}

async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

function searchOf(query: HttpRequest['query']): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.entries(query ?? {}).flatMap(([key, value]) => {
    if (value === null || value === undefined) return [encode(key)];
    return (Array.isArray(value) ? value : [value]).map((item) => `${encode(key)}=${encode(item)}`);
  }).join('&');
}

export function requestHandlerTo(answer: (request: PlainRequest) => Promise<PlainAnswer>) {
  return {
    async handle(request: HttpRequest) {
      const answered = await answer({ method: request.method, path: request.path, search: searchOf(request.query), headers: { ...request.headers }, body: await bodyBytes(request.body) });
      const pairs = Array.isArray(answered.headers) ? answered.headers : Object.entries(answered.headers);
      const headers: Record<string, string> = {};
      for (const [name, value] of pairs) headers[name] = headers[name] === undefined ? String(value) : `${headers[name]}, ${String(value)}`;
      return { response: { statusCode: answered.status, headers, body: Readable.from([answered.body]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}
