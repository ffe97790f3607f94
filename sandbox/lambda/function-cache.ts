// Function configurations seen by recent invokes, so a warm invoke skips the backend.
// Every change to a function passes through the gateway, which forgets the account's entries
// when one arrives (and again a moment later, once the backend has applied it).
import type { GatewayContext } from '../gateway/types.ts';
import { lookUpFunction, type FunctionLookup, type FunctionRef } from './function-config.ts';
import { unrefTimer } from './timers.ts';

const ttlMs = 10_000;
const maxEntries = 2000;
const entries = new Map<string, { lookup: FunctionLookup; at: number }>();

const keyOf = ({ backend }: GatewayContext, ref: FunctionRef) => `${ref.account}|${backend.url()}|${ref.region}|${ref.name}|${ref.qualifier ?? ''}`;

export async function cachedLookUp(gateway: GatewayContext, ref: FunctionRef): Promise<FunctionLookup> {
  const key = keyOf(gateway, ref);
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.lookup;
  const lookup = await lookUpFunction(gateway, ref);
  if (lookup.found) {
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { lookup, at: Date.now() });
  }
  return lookup;
}

function forget(account?: string): void {
  if (account === undefined) entries.clear();
  else for (const key of entries.keys()) if (key.startsWith(`${account}|`)) entries.delete(key);
}

/** A change to the account's functions (or, without an account, to every account) is arriving. */
export function functionsChanging(account?: string): void {
  forget(account);
  unrefTimer(setTimeout(() => forget(account), 1000));
}
