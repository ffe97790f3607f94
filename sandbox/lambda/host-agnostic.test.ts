// Lambda's semantics run in any host (the Node gateway, and the in-page sandbox's worker): bundle
// the shared runner for the browser, as gateway/host-agnostic.test.ts does for the chain, and fail
// on any Node built-in it reaches or any use of Node's Buffer or process in its own files. What
// only a host can do reaches it through its EnvironmentFactory (execution-environment.ts).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleForBrowser, filesUsing } from '../../test/browser-bundle.ts';

it('bundles the shared Lambda runner for the browser without a Node built-in, Buffer or process', async () => {
  // function-env.ts, unzip-package.ts and environment-lifecycle.ts: used by the page's
  // environments (the last by the Node host's too), not by the runner.
  const bundle = await bundleForBrowser(['lambda-runner.ts', 'unzip-package.ts', 'function-env.ts', 'environment-lifecycle.ts'].map((file) => join(import.meta.dirname, file)));
  expect(bundle.errors).toEqual([]);
  expect(bundle.builtins, 'the shared Lambda modules must not import Node built-ins').toEqual([]);

  const lambdaFiles = bundle.ownFiles.filter((file) => file.startsWith('sandbox/lambda/'));
  // The orchestration, all of it; none of the Node execution environment.
  expect(lambdaFiles).toEqual(expect.arrayContaining(['invoke-function.ts', 'environment-pool.ts', 'function-cache.ts',
    'function-config.ts', 'function-env.ts', 'function-logs.ts', 'log-lines.ts', 'invoke-request.ts', 'lambda-error.ts',
    'trace-header.ts', 'watch-changes.ts', 'runtimes.ts', 'runtime-errors.ts', 'external-function.ts', 'environment-lifecycle.ts'].map((file) => `sandbox/lambda/${file}`)));
  expect(lambdaFiles).not.toContain('sandbox/lambda/environment.ts');
  expect(await filesUsing(lambdaFiles, /\bBuffer\b|\bprocess\.|\.unref\(\)/), 'no Buffer (gateway/bytes.ts), process (options from the host) or bare unref() (timers.ts)').toEqual([]);
}, 120_000);
