// One build of the site per set of sources, shared by every e2e test file and the bench: the
// build goes to a temp folder named after a fingerprint of the sources, and concurrent callers
// wait for the one that builds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteFingerprint } from '../src/build/fingerprint.mjs';

export const root = join(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The path of a complete build of the current sources (built now if there is none). */
export async function builtSite(): Promise<string> {
  if (process.env.INFRALABS_SITE_DIR) return process.env.INFRALABS_SITE_DIR;
  const dir = join(tmpdir(), `infralabs-site-${siteFingerprint(root)}`);
  const done = join(dir, '.complete');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return dir;
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(1000);
    }
  }
  try {
    if (existsSync(done)) return dir;
    rmSync(dir, { recursive: true, force: true });
    const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build', '--outDir', dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`astro build failed:\n${(result.stdout + result.stderr).slice(-4000)}`);
    writeFileSync(done, new Date().toISOString());
    removeOldBuilds(dir);
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds of older sources, untouched for an hour, are of no use to anyone: 25 MB each. */
function removeOldBuilds(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('infralabs-site-') || path === keep || name.endsWith('.lock')) continue;
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      /* another run removed it first */
    }
  }
}
