// The in-page Lambda files run in a browser worker: bundled for the browser (packages left to
// Vite, which bundles them for the site), they must reach no Node built-in and use no Buffer or
// the host's process in their own code (a handler's process is lambda-runtime.ts's own object).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

it('bundles the Lambda worker and its environment for the browser without Node built-ins', async () => {
  const reached: string[] = [];
  const plugin: Plugin = {
    name: 'node-builtins-and-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (builtins.has(args.path) || args.path.startsWith('node:')) reached.push(`${args.path} (imported by ${relative(root, args.importer)})`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: ['lambda-worker.ts', 'lambda-environment.ts'].map((file) => join(import.meta.dirname, file)),
    bundle: true, write: false, platform: 'browser', format: 'esm', outdir: 'out', logLevel: 'silent', metafile: true, plugins: [plugin],
  });
  expect(result.errors).toEqual([]);
  expect(reached).toEqual([]);
  const ownFiles = Object.keys(result.metafile.inputs);
  expect(ownFiles).toEqual(expect.arrayContaining(['src/lab/page-sandbox/lambda-runtime.ts', 'sandbox/lambda/lambda-runner.ts', 'src/lab/worker/sdk-modules.ts']));
  const usingNode: string[] = [];
  for (const file of ownFiles) {
    const { code } = await transform(readFileSync(join(root, file), 'utf8'), { loader: 'ts' });
    if (/\bBuffer\b|\bprocess\./.test(code)) usingNode.push(file);
  }
  expect(usingNode).toEqual([]);
}, 120_000);
