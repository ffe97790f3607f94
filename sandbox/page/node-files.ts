// How Node (tests, measure.ts) hands the in-page sandbox its files: by path from the build's
// folder, since Pyodide in Node reads file paths where a browser fetches URLs.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outDir } from '../../scripts/build-page-sandbox.mjs';
import type { StartOptions } from './python-backend.ts';

/** startPythonBackend's options for the files in public/page-sandbox/. */
export const nodeFiles: Pick<StartOptions, 'indexURL' | 'fetchBytes' | 'localURL'> = {
  indexURL: `${outDir}/`,
  fetchBytes: async (path) => new Uint8Array(await readFile(path)),
  // One file per content, shared by every test process (written whole, then renamed into place).
  localURL: (bytes) => {
    const file = join(tmpdir(), `infralabs-page-sandbox-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.zip`);
    if (!existsSync(file)) {
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
    }
    return file;
  },
};
