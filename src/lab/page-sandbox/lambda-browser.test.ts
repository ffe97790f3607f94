// The in-page Lambda files run in a browser worker: bundled for the browser (packages left to
// Vite, which bundles them for the site), they must reach no Node built-in and use no Buffer or
// the host's process in their own code (a handler's process is lambda-runtime.ts's own object).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleForBrowser, filesUsing } from '../../../test/browser-bundle.ts';

it('bundles the Lambda worker and its environment for the browser without Node built-ins', async () => {
  const bundle = await bundleForBrowser(['lambda-worker.ts', 'lambda-environment.ts'].map((file) => join(import.meta.dirname, file)), { packagesExternal: true });
  expect(bundle.errors).toEqual([]);
  expect(bundle.builtins).toEqual([]);
  expect(bundle.ownFiles).toEqual(expect.arrayContaining(['src/lab/page-sandbox/lambda-runtime.ts', 'sandbox/lambda/lambda-runner.ts', 'src/lab/worker/sdk-modules.ts']));
  expect(await filesUsing(bundle.ownFiles, /\bBuffer\b|\bprocess\./)).toEqual([]);
}, 120_000);
