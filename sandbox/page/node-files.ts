// How Node (tests, measure.ts) hands the in-page sandbox its files: by path from the build's
// folder, since Pyodide in Node reads file paths where a browser fetches URLs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outDir } from '../../scripts/build-page-sandbox.mjs';
import type { StartOptions } from './python-backend.ts';

let folder: string | undefined;

/** startPythonBackend's options for the files in public/page-sandbox/. */
export const nodeFiles: Pick<StartOptions, 'indexURL' | 'fetchBytes' | 'localURL'> = {
  indexURL: `${outDir}/`,
  fetchBytes: async (path) => new Uint8Array(await readFile(path)),
  localURL: (bytes) => {
    folder ??= mkdtempSync(join(tmpdir(), 'infralabs-page-sandbox-'));
    const file = join(folder, `${Date.now()}-${Math.random().toString(16).slice(2)}.zip`);
    writeFileSync(file, bytes);
    return file;
  },
};
