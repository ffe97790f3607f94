// The chain runs in any host (the Node server, and a browser worker in front of moto in Pyodide):
// bundle it for the browser, as grader/browser-safe.test.ts does for the grader, and fail on any
// Node built-in it reaches or any use of Node's Buffer global in its own files. What only a host
// can do reaches the chain through its context (types.ts: backend.forward, lambda, credentials).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleForBrowser, filesUsing } from '../../test/browser-bundle.ts';

it('bundles the chain and its dispatch for the browser without a Node built-in or the Buffer global', async () => {
  const bundle = await bundleForBrowser(['chain.ts', 'dispatch.ts'].map((file) => join(import.meta.dirname, file)));
  expect(bundle.errors).toEqual([]);
  expect(bundle.builtins, 'the chain must not import Node built-ins').toEqual([]);
  // The chain's own files, not just what chain.ts names: the rules, aws-api.ts, policy/, ...
  expect(bundle.ownFiles).toEqual(expect.arrayContaining(['sandbox/gateway/aws-api.ts', 'sandbox/gateway/rules/vpc-network.ts', 'sandbox/gateway/handlers/forward-to-backend.ts']));
  expect(await filesUsing(bundle.ownFiles, /\bBuffer\b/), 'the chain must not use Node\'s Buffer (bytes.ts has what bodies need)').toEqual([]);
}, 120_000);
