// `npm run build:page-sandbox`: builds the in-page sandbox's static files into public/page-sandbox/
// (gitignored; the site serves them): Pyodide's loader and runtime from node_modules/pyodide, and
// two archives named by their content hash, with manifest.json naming them: the standard library,
// and the Python packages (moto and what it imports, pruned, plus our cryptography stand-in, the
// project's moto patches and the page entry). Each archive is a zip of bytecode with its entries
// stored, gzip-compressed whole (one stream compresses 1,400 small files far better than a zip's
// entry-by-entry deflate); python-backend.ts decompresses it with the browser's DecompressionStream.
//
// Inputs: sandbox/page/python/requirements.lock (files and sha256), bundle.json (what to keep),
// stand-ins/, page_entry.py, sandbox/moto/patches/, the pyodide package. Downloads are cached in
// .cache/page-sandbox/ and checked against the lock's hashes every time they are read. Nothing is
// rebuilt when a stamp of the inputs' hash matches, so `npm start`, `npm run build` and the tests
// call this cheaply. No Python is needed to build the site: Pyodide itself, in Node, compiles the
// bytecode and checks the patches' targets (scripts/compile-page-python.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { compilePagePython } from './compile-page-python.mjs';
import { root } from './node-22.mjs';

const python = join(root, 'sandbox', 'page', 'python');
const patchesDir = join(root, 'sandbox', 'moto', 'patches');
export const pyodideDir = join(root, 'node_modules', 'pyodide');
const cacheDir = join(root, '.cache', 'page-sandbox');
export const outDir = join(root, 'public', 'page-sandbox');
/** Pyodide's loader and runtime as they come (its standard library is rebuilt: stdlibFiles()). */
export const pyodideFiles = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json'];
/** Where the page writes the packages; the loader adds it to sys.path. */
export const sitePackages = '/infralabs/site-packages';
// Same date in every zip entry: the same inputs give the same bytes, hence the same name.
const fixedTime = new Date('2000-01-01T00:00:00Z');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** [{name, version, sha256, url}] from the lock's `name==version --hash=sha256:... # url` entries. */
export function readLock(text) {
  const entries = [...text.matchAll(/^([A-Za-z0-9_.-]+)==(\S+) \\\n\s+--hash=sha256:([0-9a-f]{64})\n\s+# (https:\S+)$/gm)];
  return entries.map(([, name, version, hash, url]) => ({ name, version, sha256: hash, url }));
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.pyc') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** The hash of everything the output is made from (this script included). */
function inputsHash() {
  const hash = createHash('sha256');
  const pyodideVersion = JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8')).version;
  hash.update(`pyodide ${pyodideVersion}\n`);
  for (const file of [...filesUnder(python), ...filesUnder(patchesDir), join(root, 'sandbox', 'moto', 'requirements.in'), new URL(import.meta.url).pathname, new URL('./compile-page-python.mjs', import.meta.url).pathname]) {
    hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

async function download({ name, version, sha256: expected, url }) {
  const file = join(cacheDir, 'downloads', url.slice(url.lastIndexOf('/') + 1));
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    if (sha256(bytes) === expected) return bytes;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}==${version}: ${url} answered ${response.status}; check your network and run again.`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (sha256(bytes) !== expected) throw new Error(`${name}==${version}: the download's sha256 is not the one in sandbox/page/python/requirements.lock; refusing it (run \`npm run lock:page-python\` only if the pin changed on purpose).`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return bytes;
}

/** {path: bytes} of the regular files in a .tar.gz (ustar, with pax long names). */
function untarGz(bytes) {
  const tar = gunzipSync(bytes);
  const files = {};
  let longName;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from, to) => Buffer.from(header.subarray(from, to)).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(text(124, 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    const prefix = text(345, 500);
    const name = longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    longName = undefined;
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(Buffer.from(body).toString('utf8'))?.[1];
    else if (type === 'L') longName = Buffer.from(body).toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '7') files[name] = body;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** A bundle.json glob: `*` stays within one path segment; a pattern without `/` matches any file's
 *  name; a pattern also matches everything under a folder it names. */
function globToRegExp(pattern) {
  const body = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return new RegExp(pattern.includes('/') ? `^${body}(/.*)?$` : `(^|/)${body}$`);
}

/** True when the site-packages path is kept by bundle.json's rules. */
export function keeps(bundle, path) {
  if (bundle.drop.some((pattern) => globToRegExp(pattern).test(path))) return false;
  const regional = /^moto\/ec2\/resources\/.+\/([a-z]{2}(?:-[a-z]+)+-\d+)\.json(?:\.gz)?$/.exec(path);
  if (regional && !bundle.ec2ResourceRegions.includes(regional[1])) return false;
  const moto = /^moto\/([^/]+)\//.exec(path);
  if (moto && !bundle.motoPackages.includes(moto[1])) return false;
  const model = /^botocore\/data\/([^/]+)\//.exec(path);
  if (model && !bundle.botocoreServices.includes(model[1])) return false;
  return true;
}

/** botocore reads only the newest API version of each service (its folders are dates). */
function dropOlderApiVersions(files) {
  const newest = {};
  for (const path of Object.keys(files)) {
    const match = /^botocore\/data\/([^/]+)\/(\d{4}-\d{2}-\d{2})\//.exec(path);
    if (match && !(newest[match[1]] >= match[2])) newest[match[1]] = match[2];
  }
  for (const path of Object.keys(files)) {
    const match = /^botocore\/data\/([^/]+)\/(\d{4}-\d{2}-\d{2})\//.exec(path);
    if (match && match[2] !== newest[match[1]]) delete files[path];
  }
}

/** A value of an API model without its `documentation` strings (HTML, most of each model). */
function withoutDocumentation(value) {
  if (Array.isArray(value)) return value.map(withoutDocumentation);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'documentation').map(([key, item]) => [key, withoutDocumentation(item)]));
}

/**
 * The API models as plain JSON without their operations' and shapes' documentation: moto reads
 * their structure only, and botocore defaults a shape's documentation to '' (the service's own
 * and its clientContextParams', which botocore requires, are kept). About 1.4 MB of gzip, already
 * compressed in the wheel, becomes 0.3 MB, which the archive's gzip compresses further still.
 */
function slimServiceModels(files) {
  for (const path of Object.keys(files)) {
    if (!/^botocore\/data\/[^/]+\/[^/]+\/service-2\.json\.gz$/.test(path)) continue;
    const model = JSON.parse(gunzipSync(files[path]).toString('utf8'));
    for (const part of ['operations', 'shapes']) if (model[part]) model[part] = withoutDocumentation(model[part]);
    delete files[path];
    files[path.slice(0, -'.gz'.length)] = Buffer.from(JSON.stringify(model));
  }
}

async function sitePackagesFiles(bundle, lock) {
  const files = {};
  for (const entry of lock) {
    const bytes = await download(entry);
    const sdist = bundle.sdists[entry.name.toLowerCase()];
    if (!sdist) {
      for (const [path, content] of Object.entries(unzipSync(bytes))) if (!path.endsWith('/')) files[path] = content;
      continue;
    }
    for (const [path, content] of Object.entries(untarGz(bytes))) {
      const inside = path.slice(path.indexOf('/') + 1);
      if (!inside.startsWith(sdist.from)) continue;
      const rest = inside.slice(sdist.from.length);
      if (rest.includes('/') || sdist.leaveOut.includes(rest)) continue;
      files[sdist.to + rest] = content;
    }
  }
  for (const path of Object.keys(files)) if (!keeps(bundle, path)) delete files[path];
  dropOlderApiVersions(files);
  slimServiceModels(files);
  for (const file of filesUnder(join(python, 'stand-ins'))) files[relative(join(python, 'stand-ins'), file)] = readFileSync(file);
  for (const file of filesUnder(patchesDir)) files[`patches/${relative(patchesDir, file)}`] = readFileSync(file);
  files['page_entry.py'] = readFileSync(join(python, 'page_entry.py'));
  return files;
}

/** {path: bytes} of Pyodide's standard library, less bundle.json's stdlibDrop. */
function stdlibFiles(bundle) {
  const files = unzipSync(readFileSync(join(pyodideDir, 'python_stdlib.zip')));
  // Each names a path from the library's top (trace.py, not _pyrepl/trace.py).
  const dropped = bundle.stdlibDrop.map((pattern) => globToRegExp(`/${pattern}`));
  return Object.fromEntries(Object.entries(files).filter(([path]) => !path.endsWith('/') && !dropped.some((pattern) => pattern.test(`/${path}`))));
}

/** A zip with its entries stored (same date in each, sorted), gzip-compressed whole. */
function archive(files) {
  const sorted = Object.fromEntries(Object.keys(files).sort().map((path) => [path, [files[path], { mtime: fixedTime, level: 0 }]]));
  return gzipSync(zipSync(sorted, { level: 0 }), { level: 9 });
}

/** The moto patches adapt one moto version: both sandboxes must pin the same one. */
function checkMotoPin(lock) {
  const pinned = /^moto\[server\]==(\S+)/m.exec(readFileSync(join(root, 'sandbox', 'moto', 'requirements.in'), 'utf8'))?.[1];
  const page = lock.find((entry) => entry.name === 'moto')?.version;
  if (page !== pinned) throw new Error(`sandbox/page/python pins moto ${page} but the patches are for moto ${pinned} (sandbox/moto/requirements.in): pin the same version in both.`);
}

/** The sources the build compiles: {packages, stdlib}, each {path: bytes} (also for tests). */
export async function pagePythonSources() {
  const bundle = JSON.parse(readFileSync(join(python, 'bundle.json'), 'utf8'));
  const lock = readLock(readFileSync(join(python, 'requirements.lock'), 'utf8'));
  checkMotoPin(lock);
  return { packages: await sitePackagesFiles(bundle, lock), stdlib: stdlibFiles(bundle) };
}

export async function buildPageSandbox({ force = false, log = console.log } = {}) {
  const hash = inputsHash();
  const stampFile = join(outDir, '.inputs-sha256');
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && existsSync(join(outDir, 'manifest.json'))) {
    return JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  }
  log('Building the in-page sandbox (Pyodide and moto; downloads are cached in .cache/page-sandbox)...');
  const compiled = await compilePagePython({ pyodideDir, ...(await pagePythonSources()) });
  const packages = archive(compiled.packages);
  const stdlib = archive(compiled.stdlib);
  const archiveHash = sha256(Buffer.concat([packages, stdlib]));
  const archiveName = `packages-${sha256(packages).slice(0, 16)}.zip.gz`;
  const stdlibName = `stdlib-${sha256(stdlib).slice(0, 16)}.zip.gz`;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The source map too: pyodide.mjs names it, and dev tools (and Vite, in tests) ask for it.
  for (const name of [...pyodideFiles, 'pyodide.mjs.map']) copyFileSync(join(pyodideDir, name), join(outDir, name));
  writeFileSync(join(outDir, archiveName), packages);
  writeFileSync(join(outDir, stdlibName), stdlib);
  const manifest = {
    pyodide: JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8')).version,
    archive: archiveName,
    stdlib: stdlibName,
    hash: archiveHash,
    sitePackages,
    files: Object.fromEntries([...pyodideFiles, archiveName, stdlibName].map((name) => [name, statSync(join(outDir, name)).size])),
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(stampFile, hash);
  log(`Built public/page-sandbox/ (${Object.keys(compiled.packages).length} package files and ${Object.keys(compiled.stdlib).length} of the standard library; ${((packages.length + stdlib.length) / 1e6).toFixed(1)} MB gzip).`);
  return manifest;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  try {
    await buildPageSandbox({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
