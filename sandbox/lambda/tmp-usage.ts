// How much of a function's /tmp is used: the disk blocks of everything under its tmp/ folder
// (a sparse file counts what it really holds, as on a file system with a size limit).
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The bytes under dir, counted until they pass stopAfter (the caller only asks "over the cap?"). */
export function directoryBytes(dir: string, stopAfter = Infinity): number {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0 && total <= stopAfter) {
    const current = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(current, name);
      try {
        const stat = lstatSync(path);
        total += stat.blocks * 512;
        if (stat.isDirectory()) pending.push(path);
      } catch {
        // Deleted while we looked: it holds nothing any more.
      }
    }
  }
  return total;
}
