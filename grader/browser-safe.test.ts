// Engine, context, the policy evaluator and every lab definition (with its checks) must run in the
// browser unchanged: bundle them for the browser and fail on any Node built-in they reach.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleForBrowser } from '../test/browser-bundle.ts';

const root = join(import.meta.dirname, '..');

function entryPoints(): string[] {
  const labs = join(root, 'labs');
  const labFiles = existsSync(labs)
    ? readdirSync(labs, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(labs, entry.name, 'lab.ts')))
        .map((entry) => join(labs, entry.name, 'lab.ts'))
    : [];
  const shared = ['engine.ts', 'context.ts', 'sandbox-api.ts', 'format/text.ts', 'format/csv.ts', 'format/junit.ts', 'format/github.ts'];
  // The policy evaluator that checks and the sandbox share (policy/), every module of it.
  const policy = readdirSync(join(root, 'policy')).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => join(root, 'policy', name));
  return [...shared.map((file) => join(root, 'grader', file)), ...policy, ...labFiles];
}

it('bundles engine, context, sandbox-api, the formats, policy/ and every labs/*/lab.ts for the browser without a Node built-in', async () => {
  const bundle = await bundleForBrowser(entryPoints());
  expect(bundle.errors).toEqual([]);
  expect(bundle.builtins, 'browser code must not import Node built-ins').toEqual([]);
}, 120_000);
