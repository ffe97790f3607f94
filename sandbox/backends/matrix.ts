// Every lab solved then graded on a fresh account of one sandbox: a column of the lab x backend
// matrix (`npm run matrix`; sandbox/backends/matrix.test.ts holds MiniStack's to its expected scores).
import { pathToFileURL } from 'node:url';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import type { LabContext } from '../../grader/lab.ts';
import { labIds, loadLab } from '../../grader/labs.ts';
import { runScript } from '../../grader/run/run-script.ts';
import { limit } from '../../grader/limit.ts';
import { randomAccount } from '../../grader/random-account.ts';

export interface LabScore {
  lab: string;
  score: number;
  maxScore: number;
  /** Each failing check (or could-not-check) with its message; `solution` when the solution itself failed. */
  failing: { id: string; message: string }[];
}

async function solveAndGrade(endpoint: string, labId: string, scriptTimeoutMs: number): Promise<LabScore> {
  const entry = await loadLab(labId);
  const account = randomAccount();
  const context = createLabContext({ endpoint, account });
  const failing: LabScore['failing'] = [];
  try {
    const { default: setup } = (await import(pathToFileURL(entry.setup).href)) as { default: (ctx: LabContext) => Promise<void> };
    await setup(context);
    const run = await runScript(entry.solution, { endpoint, account, cwd: entry.dir, timeoutMs: scriptTimeoutMs });
    if (run.exitCode !== 0) failing.push({ id: 'solution', message: `exit ${run.exitCode}: ${run.output.trim().split('\n').pop() ?? ''}` });
  } catch (error) {
    failing.push({ id: 'setup', message: (error as Error).message });
  }
  const report = await gradeLab(entry.lab, context);
  for (const check of report.checks) if (!check.passed) failing.push({ id: check.id, message: check.message });
  return { lab: labId, score: report.score, maxScore: report.maxScore, failing };
}

/** Every lab on the sandbox at endpoint, two at a time, in lab order. A solution that waits for
 *  what a backend never does (MiniStack's Auto Scaling never registers targets) is stopped after
 *  scriptTimeoutMs (default 120 s, as `infralabs run`) and graded as it stands. */
export async function gradeEveryLab(endpoint: string, options: { labs?: string[]; scriptTimeoutMs?: number } = {}): Promise<LabScore[]> {
  const slot = limit(2);
  return Promise.all((options.labs ?? labIds()).map((lab) => slot(() => solveAndGrade(endpoint, lab, options.scriptTimeoutMs ?? 120_000))));
}
