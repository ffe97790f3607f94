// The page's host of the gateway runs in a browser worker: bundled for the browser (packages left
// to Vite), it reaches no Node built-in and uses no Buffer or process in its own code.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleForBrowser, filesUsing } from '../../test/browser-bundle.ts';

it('bundles the page host, its backend and its persistence for the browser without Node', async () => {
  const bundle = await bundleForBrowser(['page-host.ts', 'persistence.ts', 'python-backend.ts'].map((file) => join(import.meta.dirname, file)), { packagesExternal: true });
  expect(bundle.errors).toEqual([]);
  expect(bundle.builtins).toEqual([]);
  expect(bundle.ownFiles).toEqual(expect.arrayContaining(['sandbox/page/page-backend.ts', 'sandbox/page/write-log.ts', 'sandbox/gateway/dispatch.ts']));
  expect(await filesUsing(bundle.ownFiles, /\bBuffer\b|\bprocess\./)).toEqual([]);
}, 120_000);
