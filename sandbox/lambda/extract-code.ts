// Unpacks a deployment package into an environment's task directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';

export class BadPackageError extends Error {}

export function extractCode(zip: Uint8Array, taskRoot: string): void {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw new BadPackageError(`the deployment package is not a readable zip file (${(error as Error).message}); upload a .zip of your code with UpdateFunctionCode`);
  }
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
