// A fingerprint of everything the built site is made from (names, sizes, modification times):
// `npm start` and the e2e tests rebuild only when it changes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// sandbox/ and policy/: the lab page bundles the gateway's chain for the in-page sandbox.
const sources = ['astro.config.mjs', 'src', 'content', 'labs', 'grader', 'sandbox', 'policy', 'public', 'package-lock.json'];

export function siteFingerprint(root) {
  const hash = createHash('sha256');
  const walk = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules') walk(join(path, name));
    } else if (!path.endsWith('.test.ts')) {
      hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  sources.forEach((source) => walk(join(root, source)));
  return hash.digest('hex').slice(0, 16);
}
