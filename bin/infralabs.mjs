#!/usr/bin/env node
// The `infralabs` command. Plain JavaScript so that it starts on any Node: on one older than
// the platform needs, it re-runs itself with the Node 22 that npm installed beside it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const bundled = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bundled)) {
    console.error(`infralabs needs Node.js 22.12 or newer (this is ${process.version}): run \`npm install\` in ${root}, or install Node 22.`);
    process.exit(2);
  }
  const result = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../grader/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
