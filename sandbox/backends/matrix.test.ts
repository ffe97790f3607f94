// The MiniStack column of the lab x backend matrix: every lab solved then graded on a fresh account
// behind the gateway, held to the scores in matrix-ministack.json, where every check that cannot
// pass on MiniStack has its reason. A check that starts passing, or stops, fails this test: update
// the file with the reason (or fix our gap). About 25 s.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox.ts';
import { gradeEveryLab } from './matrix.ts';

interface Expected { backend: string; labs: Record<string, { score: number; maxScore: number; failing: Record<string, string> }> }
const expected = JSON.parse(readFileSync(new URL('./matrix-ministack.json', import.meta.url), 'utf8')) as Expected;

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, emulator: 'ministack' });
}, 120_000);
afterAll(async () => sandbox?.stop());

it(`every lab on ${expected.backend} scores as matrix-ministack.json says`, async () => {
  expect(`${sandbox.backend.name} ${await sandbox.backend.version()}`).toBe(expected.backend);
  // elb-asg's solution waits for healthy targets that MiniStack never has: 20 s is enough for every other.
  const scores = await gradeEveryLab(sandbox.endpoint, { scriptTimeoutMs: 20_000 });
  const found = Object.fromEntries(scores.map((s) => [s.lab, { score: s.score, maxScore: s.maxScore, failing: s.failing.map((f) => f.id).sort() }]));
  const wanted = Object.fromEntries(Object.entries(expected.labs).map(([lab, e]) => [lab, { score: e.score, maxScore: e.maxScore, failing: Object.keys(e.failing).sort() }]));
  const messages = scores.flatMap((s) => s.failing.map((f) => `${s.lab} ${f.id}: ${f.message}`)).join('\n');
  expect(found, messages).toEqual(wanted);
}, 180_000);
