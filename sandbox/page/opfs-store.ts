// What a repeat visit needs before the interpreter runs, kept in the browser's origin private file
// system (OPFS) as it is: the interpreter's memory snapshot (about 55 MB) and the two archives,
// decompressed. The sandbox's worker reads each with a synchronous access handle, a plain file
// read: on a busy two-core machine the three take 0.1-0.15 s together in a browser profile on disk
// (0.4-0.65 s in a private window, whose OPFS lives in memory behind the browser process), where
// the snapshot alone took about 650 ms through Cache Storage and the standard library came through
// the service worker and a gunzip. Dedicated workers only (that handle exists nowhere else); where OPFS is
// missing or refused, nothing is kept and every visit starts afresh, as a first one does.
//
// One file per kind: a new build's replaces the old. A file is written under a temporary name and
// renamed once whole, so a tab closed meanwhile leaves nothing that looks complete.
import type { ByteStore } from './python-backend.ts';

/** The site's OPFS folder, with a folder per kind of kept file in it. */
export const folderName = 'infralabs-page-sandbox';
export const keptKinds = ['snapshot', 'stdlib', 'packages'] as const;
/** Where the snapshot was kept before (Cache Storage): emptied once, it held 55 MB. */
const oldSnapshotCache = 'infralabs-page-sandbox-snapshot';

async function folder(kind: string): Promise<FileSystemDirectoryHandle> {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(folderName, { create: true });
  return root.getDirectoryHandle(kind, { create: true });
}

const fileName = (key: string) => encodeURIComponent(key);

/** The kept files of one kind. */
export function opfsStore(kind: (typeof keptKinds)[number]): ByteStore {
  return {
    async load(key) {
      let file: FileSystemFileHandle;
      try {
        file = await (await folder(kind)).getFileHandle(fileName(key));
      } catch (error) {
        if ((error as DOMException).name === 'NotFoundError') return undefined;
        throw error;
      }
      const access = await file.createSyncAccessHandle();
      try {
        const bytes = new Uint8Array(access.getSize());
        if (access.read(bytes, { at: 0 }) !== bytes.length) throw new Error(`${kind} ${key} was cut short`);
        return bytes;
      } finally {
        access.close();
      }
    },
    async save(key, bytes) {
      const dir = await folder(kind);
      for await (const name of dir.keys()) await dir.removeEntry(name);
      const partial = await dir.getFileHandle(`${fileName(key)}.partial`, { create: true });
      const access = await partial.createSyncAccessHandle();
      try {
        access.truncate(0);
        access.write(bytes, { at: 0 });
        access.flush();
      } finally {
        access.close();
      }
      await (partial as FileSystemFileHandle & { move(name: string): Promise<void> }).move(fileName(key));
      if (kind === 'snapshot') await caches.delete(oldSnapshotCache).catch(() => false);
    },
    async discard(key) {
      await (await folder(kind)).removeEntry(fileName(key)).catch(() => {});
    },
  };
}
