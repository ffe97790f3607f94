// Lambda's semantics run in any host (the Node gateway, and the in-page sandbox's worker): bundle
// the shared runner for the browser, as gateway/host-agnostic.test.ts does for the chain, and fail
// on any Node built-in it reaches or any use of Node's Buffer or process in its own files. What
// only a host can do reaches it through its EnvironmentFactory (execution-environment.ts).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

it('bundles the shared Lambda runner for the browser without a Node built-in, Buffer or process', async () => {
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
    // function-env.ts and unzip-package.ts: used by the page's environments, not by the runner.
    entryPoints: ['lambda-runner.ts', 'unzip-package.ts', 'function-env.ts'].map((file) => join(import.meta.dirname, file)),
    bundle: true, write: false, platform: 'browser', format: 'esm', outdir: 'out',
    logLevel: 'silent', metafile: true, plugins: [catchBuiltins],
  });
  expect(result.errors).toEqual([]);
  expect(reached, 'the shared Lambda modules must not import Node built-ins').toEqual([]);

  const lambdaFiles = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('sandbox/lambda/'));
  // The orchestration, all of it; none of the Node execution environment.
  expect(lambdaFiles).toEqual(expect.arrayContaining(['invoke-function.ts', 'environment-pool.ts', 'function-cache.ts',
    'function-config.ts', 'function-env.ts', 'function-logs.ts', 'log-lines.ts', 'invoke-request.ts', 'lambda-error.ts',
    'trace-header.ts', 'watch-changes.ts', 'runtimes.ts', 'runtime-errors.ts', 'external-function.ts'].map((file) => `sandbox/lambda/${file}`)));
  expect(lambdaFiles).not.toContain('sandbox/lambda/environment.ts');
  const usingNode: string[] = [];
  for (const file of lambdaFiles) {
    // Comments and types removed: only code counts.
    const { code } = await transform(readFileSync(join(root, file), 'utf8'), { loader: 'ts' });
    if (/\bBuffer\b|\bprocess\.|\.unref\(\)/.test(code)) usingNode.push(file);
  }
  expect(usingNode, 'no Buffer (gateway/bytes.ts), process (options from the host) or bare unref() (timers.ts)').toEqual([]);
}, 120_000);
