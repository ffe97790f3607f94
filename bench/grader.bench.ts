// Grader figures: grading one lab in a warm account (median), and grading a roster of 50 accounts.
// Uses a sandbox of its own on free ports, and the ec2-launch lab (the example lab if it is absent).
import { join } from 'node:path';
import { DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { startSandbox } from '../sandbox/sandbox.ts';
import { gradeRoster } from '../grader/cli/commands/grade.ts';
import { createLabContext } from '../grader/context.ts';
import { gradeLab } from '../grader/engine.ts';
import type { LabContext } from '../grader/lab.ts';
import { labIds, loadLab, projectRoot } from '../grader/labs.ts';
import { limit } from '../grader/limit.ts';
import { runScript } from '../grader/run/run-script.ts';
import { median, medianMs } from './median.ts';

export default async function bench() {
  const sandbox = await startSandbox({ port: 0 });
  try {
    const useReal = labIds().includes('ec2-launch');
    const entry = useReal ? await loadLab('ec2-launch') : await loadLab('key-and-volume', join(projectRoot, 'grader/testing/example'));
    const { default: setup } = (await import(entry.setup)) as { default: (ctx: LabContext) => Promise<void> };
    const account = '000000000101';
    const context = createLabContext({ endpoint: sandbox.endpoint, account });
    await setup(context);
    const solved = await runScript(entry.solution, { endpoint: sandbox.endpoint, account });
    if (solved.exitCode !== 0) throw new Error(`the ${entry.id} solution failed:\n${solved.output}`);
    for (let i = 0; i < 3; i++) await gradeLab(entry.lab, context);
    const one = await medianMs(20, () => gradeLab(entry.lab, context));

    // A classroom: 50 accounts that have used the sandbox (set up), 5 of them solved.
    const roster = Array.from({ length: 50 }, (_, i) => ({ student: `student-${i + 1}`, account: String(200_000_000_000 + i) }));
    const slot = limit(4);
    await Promise.all(
      roster.map(({ account: id }, i) =>
        slot(async () => {
          const ctx = createLabContext({ endpoint: sandbox.endpoint, account: id });
          await setup(ctx);
          await ctx.ec2.send(new DescribeKeyPairsCommand({}));
          if (i < 5) await runScript(entry.solution, { endpoint: sandbox.endpoint, account: id });
        }),
      ),
    );
    const rosterTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const rows = await gradeRoster(entry.lab, sandbox.endpoint, roster);
      rosterTimes.push(performance.now() - started);
      if (rows.slice(0, 5).some((row) => !row.report.passed)) throw new Error('a solved account did not pass');
    }
    return [
      { name: `grade one lab (${entry.id}, warm account)`, value: Math.round(one), unit: 'ms', target: '< 150 ms' },
      { name: `grade a roster of 50 accounts (${entry.id})`, value: Math.round(median(rosterTimes)), unit: 'ms', target: '< 5000 ms' },
      ...(useReal ? await everyLab(sandbox.endpoint) : []),
    ];
  } finally {
    await sandbox.stop();
  }
}

/** Each lab graded in its own solved, warm account: the labs issue asks that grading any lab stays
 *  within the grader's target. */
async function everyLab(endpoint: string) {
  const rows = [];
  for (const [i, id] of labIds().entries()) {
    const entry = await loadLab(id);
    const account = String(300_000_000_000 + i);
    const context = createLabContext({ endpoint, account });
    const { default: setup } = (await import(entry.setup)) as { default: (ctx: LabContext) => Promise<void> };
    await setup(context);
    const solved = await runScript(entry.solution, { endpoint, account });
    if (solved.exitCode !== 0) throw new Error(`the ${id} solution failed:\n${solved.output}`);
    for (let warm = 0; warm < 3; warm++) await gradeLab(entry.lab, context);
    rows.push({ name: `grade ${id} (solved, warm account)`, value: Math.round(await medianMs(11, () => gradeLab(entry.lab, context))), unit: 'ms', target: '< 150 ms' });
  }
  return rows;
}
