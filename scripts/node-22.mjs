// Plain JavaScript that runs on the machine's own Node (even 20): the platform needs Node 22.18+ (it runs TypeScript files directly),
// which npm installs beside it (the `node` package), so an older Node hands over to that one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundledNode = join(root, 'node_modules', 'node', 'bin', 'node');

const [major, minor] = process.versions.node.split('.').map(Number);
export const nodeTooOld = major < 22 || (major === 22 && minor < 18);

/** On a Node older than 22.18, runs `script` again with the bundled Node 22 and exits with its
 *  status; on a new enough Node, returns. `missing` is said when the bundled Node is not there. */
export function rerunOnNode22(script, missing) {
  if (!nodeTooOld) return;
  if (!existsSync(bundledNode)) {
    console.error(missing);
    process.exit(2);
  }
  const result = spawnSync(bundledNode, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
