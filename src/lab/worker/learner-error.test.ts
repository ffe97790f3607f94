import { expect, test } from 'vitest';
import { formatArgs } from './format-value.ts';
import { describeLearnerError } from './learner-error.ts';

test("a learner's error is one line with the SDK error name and the line in lab.ts", () => {
  const error = new Error('The key pair already exists');
  error.name = 'InvalidKeyPair.Duplicate';
  error.stack = 'InvalidKeyPair.Duplicate: The key pair already exists\n    at eval (lab.ts:14:7)\n    at async run (run-worker.js:1:2)';
  expect(describeLearnerError(error)).toBe('InvalidKeyPair.Duplicate: The key pair already exists (lab.ts:12)');
});

test('console arguments print like Node: strings as they are, objects as JSON, bytes and cycles summarised', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  expect(formatArgs(['id', 42, { ok: true }])).toBe('id 42 {\n  "ok": true\n}');
  expect(formatArgs([{ body: new Uint8Array(3) }])).toContain('<3 bytes>');
  expect(formatArgs([cyclic])).toContain('[Circular]');
  expect(formatArgs([new TypeError('boom')])).toBe('TypeError: boom');
});
