// Which account owns a bucket (names are global), remembered: the website endpoint needs it for
// every page, and asking the backend each time was one more round trip before any S3 read.
// A remembered owner is only a first guess: a caller that gets "no such bucket" or "access denied"
// in that account asks again with fresh=true (the bucket was deleted, or recreated by another).
import type { GatewayContext } from './types.ts';
import { defaultAccount } from './handlers/resolve-account.ts';

const maxEntries = 5000;
const owners = new Map<string, string>();

export async function bucketOwner(gateway: GatewayContext, bucket: string, fresh = false): Promise<{ owner: string; remembered: boolean }> {
  const key = `${gateway.backend.url()}|${bucket}`;
  const known = owners.get(key);
  if (known && !fresh) return { owner: known, remembered: true };
  const owner = (await gateway.backend.bucketOwner(bucket)) ?? defaultAccount;
  if (owners.size >= maxEntries) owners.delete(owners.keys().next().value!);
  owners.set(key, owner);
  return { owner, remembered: false };
}
