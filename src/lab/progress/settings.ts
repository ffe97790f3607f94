// The learner's account id and the sandbox endpoint the page talks to.
// The endpoint can be set per page load with ?sandbox=<url> (tests point it at their own
// sandbox; a class can point it at a shared one); it is then remembered.
import { readKey, writeKey } from './storage.ts';

export const defaultEndpoint = 'http://localhost:4566';
export const accountPattern = /^\d{12}$/;

export function sandboxEndpoint(location: Location = window.location): string {
  const fromQuery = new URLSearchParams(location.search).get('sandbox');
  if (fromQuery && /^https?:\/\//.test(fromQuery)) {
    writeKey('endpoint', fromQuery.replace(/\/+$/, ''));
  }
  return readKey('endpoint') ?? defaultEndpoint;
}

/** A random account for a learner on their own: 12 digits, not starting with 0. */
const randomAccount = () => String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));

export function account(): string {
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
