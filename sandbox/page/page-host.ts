// The gateway's second host: the same chain as the Node server (gateway/dispatch.ts), in a
// browser worker, with moto in Pyodide as its backend. Requests arrive from the site's service
// worker (public/sandbox-sw.js) as plain objects instead of HTTP; the answers go back the same way.
import { accessRules } from '../gateway/access.ts';
import { handle } from '../gateway/dispatch.ts';
import { bytesOf } from '../gateway/bytes.ts';
import { defaultAccount } from '../gateway/handlers/resolve-account.ts';
import { parseResetTarget } from '../gateway/handlers/serve-reset.ts';
import type { Exchange, GatewayContext, LambdaRunner } from '../gateway/types.ts';
import { PageBackend, seedHeader } from './page-backend.ts';
import type { PythonBackend } from './python-backend.ts';
import { changesState, type CallLog, type LoggedCall } from './write-log.ts';
import { lambdaSessionToken } from '../lambda/function-env.ts';

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
  /** Keeps the calls that change state, to play them again after a reload (persistence.ts). */
  calls?: CallLog;
  log?: (line: string) => void;
}

export interface PageHost {
  gateway: GatewayContext;
  answer(request: RelayRequest): Promise<RelayAnswer>;
  /** Plays the kept calls again into this fresh sandbox; how many there were. */
  restore(): Promise<number>;
}

async function motoVersion(python: PythonBackend): Promise<string> {
  try {
    const answer = await python.forward({ method: 'GET', path: '/_infralabs/version', search: '', headers: {}, body: new Uint8Array(0) });
    return (JSON.parse(new TextDecoder().decode(answer.body)) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A seed for the ids of one call (persistence.ts plays it again with the same seed). */
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

function exchangeOf(request: Omit<RelayRequest, 'id'>, seed?: number): Exchange {
  const headers: Record<string, string> = { ...request.headers };
  // Only this host sets it, never a caller.
  delete headers[seedHeader];
  if (seed !== undefined) headers[seedHeader] = String(seed);
  return {
    request: { method: request.method, path: request.path, search: request.search, query: new URLSearchParams(request.search), headers, body: request.body },
    account: defaultAccount,
  };
}

export async function pageHost({ python, origin, endpoint, lambda, calls, log = () => {} }: PageHostOptions): Promise<PageHost> {
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
      const mayChange = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
      const seed = mayChange ? newSeed() : undefined;
      const exchange = exchangeOf(request, seed);
      const response = await handle(exchange, gateway);
      if (calls && response.status < 400) await keep(calls, exchange, request, seed);
      const headers: [string, string][] = [];
      for (const [name, value] of Object.entries(response.headers)) {
        for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
      }
      return { id: request.id, status: response.status, headers, body: bytesOf(response.body) };
    },
    async restore() {
      const kept = (await calls?.all()) ?? [];
      for (const call of kept) {
        const response = await handle(exchangeOf(call, call.seed), gateway);
        if (response.status >= 400) log(`A kept call could not be played again (${call.method} ${call.path}: ${response.status} ${new TextDecoder().decode(bytesOf(response.body)).slice(0, 300)}).`);
      }
      return kept.length;
    },
  };
}

/** Keeps a call that changed state, and forgets an account's calls when it is reset. */
async function keep(calls: CallLog, exchange: Exchange, request: RelayRequest, seed: number | undefined): Promise<void> {
  if (request.path === '/_infralabs/reset' && request.method === 'POST') {
    const target = parseResetTarget(new TextDecoder().decode(request.body));
    if (typeof target !== 'string') await calls.clear('account' in target ? target.account : undefined);
    return;
  }
  if (seed === undefined || !changesState(exchange)) return;
  // A Lambda handler's own calls come back by running it again (its Invoke or S3 event is kept).
  if (request.headers['x-amz-security-token'] === lambdaSessionToken) return;
  const call: LoggedCall = { account: exchange.account, seed, method: request.method, path: request.path, search: request.search, headers: request.headers, body: request.body };
  await calls.append(call);
}
