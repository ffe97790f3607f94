// The gateway's second host: the same chain as the Node server (gateway/dispatch.ts), in a
// browser worker, with moto in Pyodide as its backend. Requests arrive from the site's service
// worker (public/sandbox-sw.js) as plain objects instead of HTTP; the answers go back the same way.
import { accessRules } from '../gateway/access.ts';
import { handle } from '../gateway/dispatch.ts';
import { bytesOf } from '../gateway/bytes.ts';
import { defaultAccount } from '../gateway/handlers/resolve-account.ts';
import type { GatewayContext, LambdaRunner } from '../gateway/types.ts';
import { PageBackend } from './page-backend.ts';
import type { PythonBackend } from './python-backend.ts';

/** A request as the service worker relays it: the path below the sandbox's address. */
export interface RelayRequest {
  id: number;
  method: string;
  path: string;
  /** Without '?'. */
  search: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface RelayAnswer {
  id: number;
  status: number;
  /** Pairs, so that a header given twice (Set-Cookie, x-amz-meta-*) stays two. */
  headers: [string, string][];
  body: Uint8Array;
}

export interface PageHostOptions {
  python: PythonBackend;
  /** The site's origin (https://learner.github.io): its pages are the only callers. */
  origin: string;
  /** Where Lambda handlers' SDK calls go: the in-page sandbox's address. */
  endpoint: string;
  lambda?: LambdaRunner;
  log?: (line: string) => void;
}

export interface PageHost {
  gateway: GatewayContext;
  answer(request: RelayRequest): Promise<RelayAnswer>;
}

async function motoVersion(python: PythonBackend): Promise<string> {
  try {
    const answer = await python.forward({ method: 'GET', path: '/_infralabs/version', search: '', headers: {}, body: new Uint8Array(0) });
    return (JSON.parse(new TextDecoder().decode(answer.body)) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function pageHost({ python, origin, endpoint, lambda, log = () => {} }: PageHostOptions): Promise<PageHost> {
  const host = new URL(origin).hostname;
  const gateway: GatewayContext = {
    backend: new PageBackend(python, await motoVersion(python)),
    endpoint,
    lambda,
    log,
    // Only this site's pages reach this worker (the service worker relays nothing else): its own
    // origin and host name are what the access handlers see.
    access: accessRules({ allowOrigins: [origin], hostNames: /^[\d.]+$|^\[/.test(host) || host === 'localhost' ? [] : [host] }),
  };
  return {
    gateway,
    async answer(request) {
      const response = await handle({
        request: { method: request.method, path: request.path, search: request.search, query: new URLSearchParams(request.search), headers: request.headers, body: request.body },
        account: defaultAccount,
      }, gateway);
      const headers: [string, string][] = [];
      for (const [name, value] of Object.entries(response.headers)) {
        for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
      }
      return { id: request.id, status: response.status, headers, body: bytesOf(response.body) };
    },
  };
}
