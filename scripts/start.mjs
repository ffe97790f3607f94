// `npm start`: sets up what is missing, then serves the sandbox and the site until Ctrl-C.
// The site is served built (fast pages, the SDK pre-bundled for the lab workers); it is rebuilt
// only when its sources changed since the last build. `npm run dev` serves it live instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup, root } from './ensure-setup.mjs';
import { siteFingerprint } from '../src/build/fingerprint.mjs';

ensureSetup(fileURLToPath(import.meta.url));
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const stamp = join(root, 'dist', '.infralabs-fingerprint');
const children = [];
let stopping = false;
const stopAll = () => {
  stopping = true;
  children.forEach((child) => child.kill('SIGINT'));
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
const track = (child) => {
  children.push(child);
  child.on('exit', (code) => { if (code) { stopAll(); process.exitCode = code; } });
  return child;
};

track(spawn(process.execPath, [join(root, 'bin', 'infralabs.mjs'), 'sandbox'], { cwd: root, stdio: 'inherit' }));

const fingerprint = siteFingerprint(root);
const upToDate = existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
if (!upToDate) {
  console.log('Building the site (first start or changed sources, about a minute)...');
  const build = track(spawn(process.execPath, [astro, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }));
  const code = await new Promise((resolve) => build.on('exit', resolve));
  if (code !== 0) {
    console.error('The site did not build: fix the error above and run `npm start` again.');
    stopAll();
    process.exit(1);
  }
  writeFileSync(stamp, fingerprint);
}
track(spawn(process.execPath, [astro, 'preview', '--port', '4321'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }));

/** Resolves once the URL answers (any status), so the URLs are printed only when they work, or
 *  when start-up is abandoned (a child failed and its error is already on screen). */
async function answering(url) {
  while (!stopping) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

await Promise.all([answering('http://localhost:4566/_infralabs/health'), answering('http://localhost:4321/')]);
if (!stopping) console.log('\nInfra Labs: site http://localhost:4321  sandbox http://localhost:4566  (Ctrl-C stops both)\n');
