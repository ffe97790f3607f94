// DNS rebinding: a page on attacker.example can point its own name at 127.0.0.1 and then call the
// sandbox as same-origin, so no CORS rule sees it. Its requests still carry its own name in Host:
// the sandbox answers only to its own names (access.ts) and refuses the rest before any handler.
// The gateway's own in-process calls (exchange.internal) are addressed to no host at all.
import { hostAllowed, hostNameOf } from '../access.ts';
import type { RequestHandler } from '../types.ts';

export const refuseForeignHost: RequestHandler = (exchange, { access }) => {
  if (exchange.internal) return undefined;
  const host = exchange.request.headers['host'];
  const value = Array.isArray(host) ? host[0] : host;
  if (hostAllowed(value, access)) return undefined;
  const name = hostNameOf(value ?? '').replace(/[^a-z0-9.:[\]-]/g, '?').slice(0, 100);
  return {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: `The Infra Labs sandbox does not answer to the host name "${name}": use localhost, or start it with --host-name ${name || '<name>'} if that name is yours.\n`,
  };
};
