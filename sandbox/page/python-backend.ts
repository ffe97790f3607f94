// The in-page sandbox's Python side: moto with the project's patches in Pyodide, answering plain
// HTTP requests. Runs in a Web Worker and in Node alike (no Node built-ins, no Buffer); the files
// it loads are what scripts/build-page-sandbox.mjs writes to public/page-sandbox/.
import { unzipSync } from 'fflate';
import type { PyodideAPI } from 'pyodide';

export interface BackendRequest {
  method: string;
  /** The path as sent, percent-encoded (like the gateway's exchange.request.path). */
  path: string;
  /** The query string without "?", or "". */
  search: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  /** The account the caller resolved (as the gateway's resolveAccount does); without it, the
   *  signature's 12-digit access key id, else 000000000000. x-moto-account-id is never read. */
  account?: string;
  /** Seeds moto's random generator (the ids it makes) just before this request, in the same turn:
   *  a call replayed with its seed makes the same ids again (persistence.ts). */
  seed?: number;
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Uint8Array;
}

export interface PythonBackend {
  forward(request: BackendRequest): Promise<BackendResponse>;
  /** Drops one account's state (or every account's) as the Node sandbox's reset does. */
  reset(account?: string): Promise<void>;
}

export type LoadStage = 'runtime' | 'packages' | 'moto' | 'ready';

/** Bytes kept between visits under a key that names what they are for (opfs-store.ts in the
 *  browser). Whatever it fails to load or keep is made afresh. */
export interface ByteStore {
  load(key: string): Promise<Uint8Array | undefined>;
  save(key: string, bytes: Uint8Array): Promise<void>;
  discard(key: string): Promise<void>;
}

/**
 * Where the interpreter's memory snapshot is kept; its key names the build (Pyodide's version and
 * the packages' hash): a snapshot fits only its own. A snapshot taken right after moto and the
 * patches are imported, before any request, makes the next start a restore instead of an import:
 * Pyodide's `makeMemorySnapshot` and `_loadSnapshot` are private API, so every failure falls back
 * to the ordinary start.
 */
export type SnapshotStore = ByteStore;

export interface StartOptions {
  /** The folder with Pyodide's files and manifest.json, ending in "/" (a URL, or a path in Node). */
  indexURL: string;
  /** The packages archive; by default the one manifest.json names. */
  archiveURL?: string;
  onProgress?: (stage: LoadStage) => void;
  /** Reads a file's bytes; fetch() by default (Node's fetch cannot read file paths: pass one there). */
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  /** An address Pyodide's loader can read these bytes from (the standard library, once
   *  decompressed); a blob: URL by default. Pyodide in Node reads only file paths and http(s). */
  localURL?: (bytes: Uint8Array) => string | Promise<string>;
  /** Hands over the interpreter once moto is ready: for tests and measurements that run Python. */
  onPyodide?: (pyodide: PyodideAPI) => void;
  /** Keeps a snapshot after the first start and restores it on the next (see SnapshotStore). */
  snapshots?: SnapshotStore;
  /** Keeps each archive decompressed after the first start, under its name (which changes with
   *  its contents), and reads it from there on the next. */
  archives?: Record<'stdlib' | 'packages', ByteStore>;
}

/** How long after a start its snapshot and archives are stored: not while the lab's setup waits
 *  for its first answers. */
const keepDelayMs = 3_000;

type LoadOptions = { indexURL: string; stdLibURL: string; _makeSnapshot?: boolean; _loadSnapshot?: Uint8Array };
type LoadPyodide = (options: LoadOptions) => Promise<PyodideAPI & { makeMemorySnapshot(): Uint8Array }>;

/**
 * Restores a snapshot. Pyodide copies it into the new instance's memory without growing that
 * memory first (314.0.7), so the memory is grown to the snapshot's size as soon as the instance
 * exists: WebAssembly's instantiate functions are wrapped for the duration of this one load.
 */
async function restore(loadPyodide: LoadPyodide, options: LoadOptions, snapshot: Uint8Array) {
  const wasm = WebAssembly as unknown as Record<'instantiate' | 'instantiateStreaming', (...args: unknown[]) => Promise<unknown>>;
  const originals = { instantiate: wasm.instantiate, instantiateStreaming: wasm.instantiateStreaming };
  const grown = (result: unknown) => {
    const instance = (result as { instance?: WebAssembly.Instance }).instance ?? (result as WebAssembly.Instance);
    const memory = instance.exports?.memory as WebAssembly.Memory | undefined;
    if (memory && memory.buffer.byteLength < snapshot.length) memory.grow(Math.ceil((snapshot.length - memory.buffer.byteLength) / 65536));
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming'] as const) {
    const original = originals[name];
    if (original) wasm[name] = (...args) => original.apply(WebAssembly, args).then(grown);
  }
  try {
    return await loadPyodide({ ...options, _loadSnapshot: snapshot });
  } finally {
    Object.assign(wasm, originals);
  }
}

interface Manifest {
  pyodide: string;
  /** Both archives: a zip (entries stored) gzip-compressed whole (scripts/build-page-sandbox.mjs). */
  archive: string;
  stdlib: string;
  hash: string;
  sitePackages: string;
}

async function fetchWithFetch(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The in-page sandbox could not load ${url} (${response.status}): reload the page; if it persists, rebuild with npm run build:page-sandbox.`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The archive's zip. A host may have sent it with Content-Encoding: gzip, which fetch() undoes. */
async function gunzipped(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const blobURL = (bytes: Uint8Array) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));

/** A folder or file of Pyodide's in-memory file system (Emscripten's MEMFS), as far as writeFiles
 *  uses it. */
interface MemNode {
  node_ops: { mknod(parent: MemNode, name: string, mode: number, dev: number): MemNode };
  contents?: Uint8Array;
  usedBytes?: number;
}

const folderMode = 0o40777;
const fileMode = 0o100666;

/**
 * Writes a zip's files (as unzipSync gives them) into Pyodide's file system. It makes each node
 * itself, in its folder's node, and hands the file its bytes: FS.writeFile would look every path
 * up again, check permissions, open a stream and copy the bytes. For the packages' 900 files that
 * is 5 ms against 60-120 ms in Node, and several times more in a busy page (a repeat visit waits
 * for it). The node fields are MEMFS's own (Pyodide is pinned exactly); the tests import moto
 * from these files, in Node and in Chromium.
 */
function writeFiles(pyodide: PyodideAPI, folder: string, files: Record<string, Uint8Array>): void {
  pyodide.FS.mkdirTree(folder);
  const folders = new Map<string, MemNode>([['', pyodide.FS.lookupPath(folder).node as MemNode]]);
  const folderNode = (path: string): MemNode => {
    let node = folders.get(path);
    if (!node) {
      const cut = path.lastIndexOf('/');
      const parent = folderNode(cut < 0 ? '' : path.slice(0, cut));
      node = parent.node_ops.mknod(parent, path.slice(cut + 1), folderMode, 0);
      folders.set(path, node);
    }
    return node;
  };
  for (const [path, bytes] of Object.entries(files)) {
    const cut = path.lastIndexOf('/');
    if (cut === path.length - 1) {
      folderNode(path.slice(0, -1));
      continue;
    }
    const parent = folderNode(cut < 0 ? '' : path.slice(0, cut));
    const file = parent.node_ops.mknod(parent, path.slice(cut + 1), fileMode, 0);
    // unzipSync made these bytes for this file alone: the file may own them.
    file.contents = bytes;
    file.usedBytes = bytes.length;
  }
}

type Handle = (method: string, path: string, query: string, headersJson: string, body: Uint8Array, account: string | undefined) => {
  toJs(options: { create_proxies: false }): [number, [string, string][], Uint8Array];
  destroy(): void;
};

function headersObject(pairs: [string, string][]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    const existing = headers[key];
    headers[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return headers;
}

/** An archive's zip: as kept on an earlier visit, or else fetched and decompressed (and kept). */
async function unpacked(name: string, url: string, fetchBytes: (url: string) => Promise<Uint8Array>, store?: ByteStore): Promise<Uint8Array> {
  const kept = await store?.load(name).catch(() => undefined);
  if (kept) return kept;
  const bytes = await fetchBytes(url).then(gunzipped);
  if (store) setTimeout(() => void store.save(name, bytes).catch(() => {}), keepDelayMs);
  return bytes;
}

export async function startPythonBackend({ indexURL, archiveURL, onProgress, onPyodide, snapshots, archives, fetchBytes = fetchWithFetch, localURL = blobURL }: StartOptions): Promise<PythonBackend> {
  onProgress?.('runtime');
  const manifest = JSON.parse(new TextDecoder().decode(await fetchBytes(`${indexURL}manifest.json`))) as Manifest;
  const archive = unpacked(manifest.archive, archiveURL ?? `${indexURL}${manifest.archive}`, fetchBytes, archiveURL ? undefined : archives?.packages);
  const loader = import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as Promise<{ loadPyodide: LoadPyodide }>;
  const snapshotKey = `pyodide-${manifest.pyodide}-packages-${manifest.hash}`;
  // All read at once: on a repeat visit reading the snapshot takes about as long as the rest.
  const snapshot = snapshots?.load(snapshotKey).catch((error: unknown) => void console.warn(`The in-page sandbox could not read its snapshot (${String(error)}); it starts afresh.`));
  const stdlib = await unpacked(manifest.stdlib, `${indexURL}${manifest.stdlib}`, fetchBytes, archives?.stdlib);
  const options: LoadOptions = { indexURL, stdLibURL: await localURL(stdlib) };
  const { loadPyodide } = await loader;
  const stored = await snapshot;
  let pyodide = stored ? await restore(loadPyodide, options, stored).catch((error: unknown) => void console.warn(`The in-page sandbox could not restore its snapshot (${String(error)}); it starts afresh.`)) : undefined;
  const restored = pyodide !== undefined;
  if (stored && !restored) await snapshots?.discard(snapshotKey).catch(() => {});
  pyodide ??= await loadPyodide({ ...options, _makeSnapshot: snapshots !== undefined });
  if (options.stdLibURL.startsWith('blob:')) URL.revokeObjectURL(options.stdLibURL);
  onProgress?.('packages');
  // Files live outside the interpreter's memory: a restored one needs them again too (moto
  // imports a service's modules on its first call).
  writeFiles(pyodide, manifest.sitePackages, unzipSync(await archive));
  onProgress?.('moto');
  if (restored) {
    // Every restore would otherwise draw the same random numbers (ids are seeded per call that
    // keeps state anyway, persistence.ts; the rest, request ids, need not repeat).
    pyodide.runPython('import random\nfrom moto.moto_api._internal import mock_random\nrandom.seed()\nmock_random.seed(random.getrandbits(64))');
  } else {
    pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(manifest.sitePackages)})
import page_entry
page_entry.start(check_targets=False)`);
    // Before the page holds any Python object: a snapshot cannot keep references from JavaScript.
    if (snapshots) {
      const snapshot = pyodide.makeMemorySnapshot();
      setTimeout(() => void snapshots.save(snapshotKey, snapshot).catch(() => {}), keepDelayMs);
    }
  }
  const entry = pyodide.runPython('import page_entry\npage_entry') as { handle: Handle };
  const handle = entry.handle;
  // moto draws every id (i-..., vpc-..., request ids) from this one generator.
  const seedRandom = pyodide.runPython('from moto.moto_api._internal import mock_random\nmock_random.seed') as (value: number) => void;
  onPyodide?.(pyodide);
  onProgress?.('ready');

  // Pyodide runs one call at a time; requests queue here so a caller may send them at once.
  let queue: Promise<unknown> = Promise.resolve();
  const forward = (request: BackendRequest): Promise<BackendResponse> => {
    const run = queue.then(() => {
      if (request.seed !== undefined) seedRandom(request.seed);
      // A plain Uint8Array view: Pyodide converts no subclass (the SDK's bodies may be one).
      const body = new Uint8Array(request.body.buffer, request.body.byteOffset, request.body.byteLength);
      const answer = handle(request.method, request.path, request.search, JSON.stringify(request.headers), body, request.account);
      try {
        const [status, pairs, body] = answer.toJs({ create_proxies: false });
        return { status, headers: headersObject(pairs), body };
      } finally {
        answer.destroy();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const reset = async (account?: string) => {
    const body = new TextEncoder().encode(JSON.stringify(account ? { account } : { all: true }));
    const answer = await forward({ method: 'POST', path: '/_infralabs/reset', search: '', headers: { 'content-type': 'application/json' }, body });
    if (answer.status !== 200) throw new Error(`The in-page sandbox could not reset (${answer.status}: ${new TextDecoder().decode(answer.body)}).`);
  };
  return { forward, reset };
}
