// The learner's account id and the sandbox endpoint the page talks to.
// The endpoint can be set per page load with ?sandbox=<url> (tests point it at their own
// sandbox; a class can point it at a shared one); it is then remembered, shown in the settings
// panel and reset there.
import { randomAccount } from '../../../grader/random-account.ts';
import { anySecret } from '../../../grader/sandbox-api.ts';
import { classSession } from './class-session.ts';
import { readKey, removeKey, writeKey } from './storage.ts';

export const defaultEndpoint = 'http://localhost:4566';
export const accountPattern = /^\d{12}$/;

/** The sites `npm start` and `npm run dev` serve: the sandbox answers their pages by default. */
export const defaultSiteOrigins = ['http://localhost:4321', 'http://127.0.0.1:4321'];

/** An http(s) address without its trailing slashes, or undefined when it is not one. */
export function endpointFrom(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^/\s]+/.test(trimmed)) return undefined;
  try {
    new URL(trimmed);
  } catch {
    return undefined;
  }
  return trimmed.replace(/\/+$/, '');
}

export function sandboxEndpoint(location: Location = window.location): string {
  const fromQuery = endpointFrom(new URLSearchParams(location.search).get('sandbox') ?? '');
  if (fromQuery) setEndpoint(fromQuery);
  return classSession()?.endpoint ?? readKey('endpoint') ?? defaultEndpoint;
}

/**
 * Where the sandbox runs. 'auto': the local sandbox (`npm start`) when it answers, else the one in
 * the page; 'local': only the address above; 'page': only the one in the page (nothing installed).
 */
export type SandboxMode = 'auto' | 'local' | 'page';
const modes: readonly SandboxMode[] = ['auto', 'local', 'page'];

const isLoopback = (hostname: string) => {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host.startsWith('127.');
};

/**
 * The learner's choice, else the default for this site: 'auto' on a site served from this machine
 * (npm start), 'page' on any other (a public host such as GitHub Pages). There, probing
 * http://localhost:4566 would make Chromium ask the learner to let the page reach their local
 * network (Local Network Access) on every lab: the local sandbox is something they choose. A
 * ?sandbox= address or a class always means that sandbox, and so does an address the learner saved.
 */
export function sandboxMode(location: Location = window.location): SandboxMode {
  if (classSession() || new URLSearchParams(location.search).has('sandbox')) return 'local';
  const saved = readKey('sandboxMode') as SandboxMode | null;
  if (saved && modes.includes(saved)) return saved;
  if (readKey('endpoint')) return 'local';
  return isLoopback(location.hostname) ? 'auto' : 'page';
}

export function setSandboxMode(mode: SandboxMode): void {
  writeKey('sandboxMode', mode);
}

/** Default port of the sandbox, beside the site's 4321. */
const sandboxPort = 4566;

/** The sandbox to join a class at: the page's, unless that is still the default while the page
 *  itself came from another machine (a class's site, which `npm start -- --classroom` serves beside
 *  its sandbox): then the sandbox on the site's host, so a short link or a typed code is enough. */
export function joinEndpoint(endpoint: string, page: { protocol: string; hostname: string } = window.location): string {
  if (endpoint !== defaultEndpoint || isLoopback(page.hostname) || !/^https?:$/.test(page.protocol)) return endpoint;
  return `${page.protocol}//${page.hostname.includes(':') && !page.hostname.startsWith('[') ? `[${page.hostname}]` : page.hostname}:${sandboxPort}`;
}

/** Remembers another sandbox address; returns false (and changes nothing) for anything but http(s). */
export function setEndpoint(value: string): boolean {
  const endpoint = endpointFrom(value);
  if (!endpoint) return false;
  if (endpoint === defaultEndpoint) removeKey('endpoint');
  else writeKey('endpoint', endpoint);
  return true;
}

/** Back to the sandbox `npm start` runs. */
export function resetEndpoint(): string {
  removeKey('endpoint');
  return defaultEndpoint;
}

/** The learner's account: the class's while they have joined one (class-session.ts), else their own. */
export function account(): string {
  const joined = classSession();
  if (joined) return joined.account;
  const saved = readKey('account');
  if (saved && accountPattern.test(saved)) return saved;
  const fresh = randomAccount();
  writeKey('account', fresh);
  return fresh;
}

/** Returns false (and changes nothing) for anything but 12 digits. */
export function setAccount(value: string): boolean {
  const trimmed = value.trim();
  if (!accountPattern.test(trimmed)) return false;
  writeKey('account', trimmed);
  return true;
}

/** The key that signs the page's calls: the class's roster secret, or any (a sandbox without a
 *  class accepts any signature). */
export function secret(): string {
  return classSession()?.secret ?? anySecret;
}
