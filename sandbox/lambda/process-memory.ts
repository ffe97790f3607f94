// The resident memory of a process, read from /proc (Linux). Elsewhere only the V8 heap
// limit (--max-old-space-size) holds a function to its memory size.
import { readFileSync } from 'node:fs';

const pageSize = 4096;

export function readRssBytes(pid: number): number {
  try {
    const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(resident) ? resident * pageSize : 0;
  } catch {
    return 0;
  }
}
