// Unpacks a deployment package into an environment's task directory (the Node host).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { unzipPackage } from './unzip-package.ts';

export { BadPackageError } from './runtime-errors.ts';

export function extractCode(zip: Uint8Array, taskRoot: string): void {
  const files = unzipPackage(zip);
  for (const [name, content] of Object.entries(files)) {
    const relative = normalize(name);
    // A zip entry must not escape the task directory ("zip slip").
    if (relative.startsWith('..') || relative.startsWith(sep) || /^[a-zA-Z]:/.test(relative)) continue;
    const target = join(taskRoot, relative);
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
