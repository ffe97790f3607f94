// The interpreter's snapshot (python-backend.ts) in the browser's Cache Storage, as it is (about
// 55 MB of memory). Not compressed: decompressing took about 0.5 s of every repeat visit, and
// compressing 2.3 s of CPU after the first start, to save disk space the browser grants anyway.
// One snapshot at a time: a new build's replaces the old.
import type { SnapshotStore } from './python-backend.ts';

const cacheName = 'infralabs-page-sandbox-snapshot';
/** Cache Storage keys are URLs: the snapshot's is a name under this worker's folder, never fetched. */
const keyUrl = (key: string) => new URL(`infralabs-snapshot/${encodeURIComponent(key)}`, self.location.href).href;

export const cacheSnapshots: SnapshotStore = {
  async load(key) {
    const stored = await (await caches.open(cacheName)).match(keyUrl(key));
    return stored ? new Uint8Array(await stored.arrayBuffer()) : undefined;
  },
  async save(key, snapshot) {
    // Stored from memory, whole, not streamed: an entry streamed in shows in the cache before its
    // body is written, and a tab closed then would leave half a snapshot behind.
    const cache = await caches.open(cacheName);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(keyUrl(key), new Response(snapshot as Uint8Array<ArrayBuffer>, { headers: { 'content-length': String(snapshot.length) } }));
  },
  async discard(key) {
    await (await caches.open(cacheName)).delete(keyUrl(key));
  },
};
