// The MiniStack column of the lab x backend matrix: every lab solved then graded on a fresh account
// behind the gateway, held to the scores in matrix-ministack.json, where every check that cannot
// pass on MiniStack has its reason. A check that starts passing, or stops, fails this test: update
// the file with the reason (or fix our gap). About 25 s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox.ts';
import { expectedColumn, measuredColumn } from './expected-column.ts';
import { gradeEveryLab } from './matrix.ts';

const expected = expectedColumn('ministack');

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, emulator: 'ministack' });
}, 120_000);
afterAll(async () => sandbox?.stop());

it(`every lab on ${expected.backend} scores as matrix-ministack.json says`, async () => {
  expect(`${sandbox.backend.name} ${await sandbox.backend.version()}`).toBe(expected.backend);
  // elb-asg's solution waits for healthy targets that MiniStack never has: 20 s is enough for every other.
  const scores = await gradeEveryLab(sandbox.endpoint, { scriptTimeoutMs: 20_000 });
  const { column, messages } = measuredColumn(scores);
  expect(column, messages).toEqual(expected.column);
}, 180_000);
