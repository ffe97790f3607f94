// Who may reach the sandbox, decided before any handler runs: the names it answers to (a DNS
// rebinding page sends its own host name) and the browser origins it answers (any page the learner
// visits can send requests to localhost). Pure functions, so both hosts of the gateway share them.

export interface AccessRules {
  /** Browser origins whose pages may call the sandbox (scheme://host:port, no trailing slash). */
  origins: ReadonlySet<string>;
  /** Host names answered besides loopback's (`--host-name`), lower case, without port. */
  hostNames: ReadonlySet<string>;
}

/** The site as `npm start` (astro preview) and `npm run dev` (astro dev) serve it. */
export const siteOrigins = ['http://localhost:4321', 'http://127.0.0.1:4321', 'http://[::1]:4321'];

/** `http://host:port` as browsers send it in Origin, or undefined when `text` is not one. */
export function normalizeOrigin(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  // A wildcard would match no browser's Origin; refused so that nobody believes it allows a family of sites.
  if (url.hostname.includes('*')) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/?$/i.test(text.trim())) return undefined;
  return url.origin;
}

/** A host name as given with --host-name: a DNS name or an IP address, no port, no wildcard. */
export function normalizeHostName(text: string): string | undefined {
  const name = text.trim().toLowerCase();
  if (/^\[[0-9a-f:.]+\]$/.test(name)) return name;
  if (/^[0-9a-f:]+$/.test(name) && name.includes(':')) return `[${name}]`;
  return /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name) ? name : undefined;
}

export interface AccessOptions {
  allowOrigins?: readonly string[];
  hostNames?: readonly string[];
}

/** The rules for these options; throws with a one-line fix on an origin or name it cannot use. */
export function accessRules(options: AccessOptions = {}): AccessRules {
  const origins = new Set(siteOrigins);
  for (const given of options.allowOrigins ?? []) {
    const origin = normalizeOrigin(given);
    if (!origin) throw new Error(`"${given}" is not an origin: give scheme, host and port only, e.g. --allow-origin http://localhost:3000 (a wildcard is not accepted).`);
    origins.add(origin);
  }
  const hostNames = new Set<string>();
  for (const given of options.hostNames ?? []) {
    const name = normalizeHostName(given);
    if (!name) throw new Error(`"${given}" is not a host name: give a name or an IP address without port, e.g. --host-name sandbox.lan.`);
    hostNames.add(name);
  }
  return { origins, hostNames };
}

/** The host name of a Host header, lower case, without its port. */
export function hostNameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.replace(/:\d*$/, '');
}

/** Loopback's names (every `*.localhost` name resolves to loopback in browsers, RFC 6761, so no
 *  page elsewhere can rebind one), plus the names the sandbox was given. */
export function hostAllowed(host: string | undefined, rules: AccessRules): boolean {
  if (!host) return false;
  const name = hostNameOf(host);
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '[::1]' || rules.hostNames.has(name);
}

export function originAllowed(origin: string | undefined, rules: AccessRules): origin is string {
  return origin !== undefined && rules.origins.has(origin);
}
