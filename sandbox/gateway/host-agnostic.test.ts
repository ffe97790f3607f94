// The chain runs in any host (the Node server, and a browser worker in front of moto in Pyodide):
// bundle it for the browser, as grader/browser-safe.test.ts does for the grader, and fail on any
// Node built-in it reaches or any use of Node's Buffer global in its own files. What only a host
// can do reaches the chain through its context (types.ts: backend.forward, lambda, credentials).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const entryPoints = ['chain.ts', 'dispatch.ts'].map((file) => join(import.meta.dirname, file));

it('bundles the chain and its dispatch for the browser without a Node built-in or the Buffer global', async () => {
  const reached: string[] = [];
  const catchBuiltins: Plugin = {
    name: 'catch-node-builtins',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        if (!builtins.has(args.path) && !args.path.startsWith('node:')) return undefined;
        reached.push(`${args.path} (imported by ${relative(root, args.importer)})`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints, bundle: true, write: false, platform: 'browser', format: 'esm', outdir: 'out',
    logLevel: 'silent', metafile: true, plugins: [catchBuiltins],
  });
  expect(result.errors).toEqual([]);
  expect(reached, 'the chain must not import Node built-ins').toEqual([]);

  const ownFiles = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  // The chain's own files, not just what chain.ts names: the rules, aws-api.ts, policy/, ...
  expect(ownFiles).toEqual(expect.arrayContaining(['sandbox/gateway/aws-api.ts', 'sandbox/gateway/rules/vpc-network.ts', 'sandbox/gateway/handlers/forward-to-backend.ts']));
  const usingBuffer: string[] = [];
  for (const file of ownFiles) {
    // Comments and types removed: only code counts.
    const { code } = await transform(readFileSync(join(root, file), 'utf8'), { loader: 'ts' });
    if (/\bBuffer\b/.test(code)) usingBuffer.push(file);
  }
  expect(usingBuffer, 'the chain must not use Node\'s Buffer (bytes.ts has what bodies need)').toEqual([]);
}, 120_000);
