// Shared by `npm start` and `npm test`; plain JavaScript that runs on the machine's Node (even 20):
// installs npm dependencies when they are missing or stale, then makes sure we run on Node 22+.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledNode, rerunOnNode22, root } from './node-22.mjs';

export { root };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed: fix the error above and run again.`);
    process.exit(result.status ?? 1);
  }
}

function dependenciesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed) || !existsSync(bundledNode)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

/** Installs what is missing; on an old Node, re-runs the calling script with Node 22 and exits. */
export function ensureSetup(script) {
  if (dependenciesStale()) {
    console.log('Installing npm dependencies (first run)...');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
  rerunOnNode22(script, `Node 22 was not installed by npm (${bundledNode} is missing): run \`npm install\`, or install Node 22.`);
}
