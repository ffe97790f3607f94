// The interpreter's snapshot (python-backend.ts) in the browser's Cache Storage, gzip-compressed
// (78 MB of memory, about 22 MB stored). One snapshot at a time: a new build's replaces the old.
import type { SnapshotStore } from './python-backend.ts';

const cacheName = 'infralabs-page-sandbox-snapshot';
/** Cache Storage keys are URLs: the snapshot's is a name under this worker's folder, never fetched. */
const keyUrl = (key: string) => new URL(`infralabs-snapshot/${encodeURIComponent(key)}`, self.location.href).href;

export const cacheSnapshots: SnapshotStore = {
  async load(key) {
    const stored = await (await caches.open(cacheName)).match(keyUrl(key));
    if (!stored?.body) return undefined;
    return new Uint8Array(await new Response(stored.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  },
  async save(key, snapshot) {
    // Compressed whole before it is stored: an entry streamed in shows in the cache before its
    // body is written, and a tab closed then would leave half a snapshot behind.
    const compressed = await new Response(new Blob([snapshot as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    const cache = await caches.open(cacheName);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(keyUrl(key), new Response(compressed));
  },
  async discard(key) {
    await (await caches.open(cacheName)).delete(keyUrl(key));
  },
};
