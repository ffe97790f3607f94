// proveLab(id): the proof every lab carries (labs/<id>/lab.test.ts calls it). Each case runs on a
// fresh account of the test sandbox: an untouched account scores 0; setup + starter does not pass;
// every fixture fails exactly its own check (an "exactly one" check's own fixture, <check>.ts,
// makes a duplicate, which the check names); every variant and the solution pass fully; the
// solution run twice, as a learner pressing Run again would, still passes fully (reference
// solutions are safe to re-run).
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import { createLabContext } from '../context.ts';
import { gradeLab, type GradeReport } from '../engine.ts';
import type { LabContext } from '../lab.ts';
import { lintLab, projectRoot, readFixtures, type LabEntry } from '../labs.ts';
import { runScript, type RunResult } from '../run/run-script.ts';
import { resetSandbox } from '../sandbox-api.ts';
import { limit } from '../limit.ts';

export interface ProveOptions {
  /** Accounts proven at the same time (default 2: the sandbox is shared with other test files). */
  concurrency?: number;
  /** Time limit of one learner script (default 120 s). */
  scriptTimeoutMs?: number;
  /** Project root holding labs/<id>/ (default: this project; tests of proveLab use their own). */
  root?: string;
  /** More to assert of the solution's full-marks report (a check's timeline, its wording). */
  solutionReport?: (report: GradeReport) => void;
}

const caseTimeoutMs = 10 * 60_000;

export function proveLab(labId: string, options: ProveOptions = {}): void {
  const root = options.root ?? projectRoot;
  const dir = join(root, 'labs', labId);
  const slot = limit(options.concurrency ?? 2);
  let loaded: Promise<LabEntry> | undefined;
  const entry = () =>
    (loaded ??= lintLab(labId, root).then(({ entry, problems }) => {
      if (!entry) throw new Error(`labs/${labId} does not load:\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
      return entry;
    }));

  /** Runs body on a fresh account in a free slot, then empties the account (sandbox memory). */
  const onFreshAccount = (body: (account: Account) => Promise<void>) => () =>
    slot(async () => {
      const account = new Account(await entry(), options.scriptTimeoutMs);
      try {
        await body(account);
      } finally {
        await resetSandbox(testEndpoint(), { account: account.id }).catch(() => {});
      }
    });

  describe(`lab ${labId}`, () => {
    test('is complete: definition, setup, starter, solution and a fixture per check', async () => {
      const { problems } = await lintLab(labId, root);
      expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    });

    test.concurrent('an untouched account scores 0', onFreshAccount(async (account) => {
      const report = await account.grade();
      expect(report.score, describeReport(report)).toBe(0);
    }), caseTimeoutMs);

    test.concurrent('setup (run twice: it is idempotent) then the starter does not pass', onFreshAccount(async (account) => {
      await account.setup();
      await account.setup();
      const run = await account.run(join(dir, 'starter.ts'));
      const report = await account.grade();
      expect(report.passed, `${describeReport(report)}\n${describeRun(run)}`).toBe(false);
    }), caseTimeoutMs);

    for (const fixture of readFixtures(join(dir, 'fixtures'))) {
      const name = basename(fixture.file);
      const also = fixture.alsoFails.length ? ` (and ${fixture.alsoFails.join(', ')})` : '';
      test.concurrent(`fixture ${name} fails exactly ${fixture.check}${also}`, onFreshAccount(async (account) => {
        await account.setup();
        const run = await account.run(fixture.file);
        const report = await account.grade();
        const context = `${describeReport(report)}\n${describeRun(run)}`;
        const own = report.checks.find((c) => c.id === fixture.check);
        expect(own, `no check "${fixture.check}" in the lab`).toBeDefined();
        expect(own!.status, `${name} must fail "${fixture.check}" (a fail, not a could-not-check)\n${context}`).toBe('fail');
        const definition = (await entry()).lab.steps.flatMap((s) => s.checks).find((c) => c.id === fixture.check);
        if (definition?.exactlyOne && name === `${fixture.check}.ts`) {
          expect(own!.evidence.length, `"${fixture.check}" is exactlyOne: put the duplicates' ids in evidence\n${context}`).toBeGreaterThanOrEqual(2);
          expect(own!.evidence.some((resource) => own!.message.includes(resource)), `"${fixture.check}": the message must name the duplicates (${own!.evidence.join(', ')})\n${context}`).toBe(true);
        }
        for (const check of report.checks) {
          if (check.id === fixture.check) continue;
          const expected = fixture.alsoFails.includes(check.id) ? false : true;
          expect(check.passed, `${name}: "${check.id}" should ${expected ? 'pass' : 'fail'} (if it fails for a good reason, say so on the first line: // also fails: ${check.id} (why))\n${context}`).toBe(expected);
        }
      }), caseTimeoutMs);
    }

    const variantsDir = join(dir, 'variants');
    const variants = existsSync(variantsDir) ? readdirSync(variantsDir).filter((n) => n.endsWith('.ts')).sort() : [];
    for (const variant of variants) {
      test.concurrent(`variant ${variant} passes fully`, onFreshAccount(async (account) => {
        await account.setup();
        const run = await account.run(join(variantsDir, variant));
        expect(run.exitCode, describeRun(run)).toBe(0);
        const report = await account.grade();
        expect(report.score, `${describeReport(report)}\n${describeRun(run)}`).toBe(report.maxScore);
      }), caseTimeoutMs);
    }

    test.concurrent('the solution scores full marks', onFreshAccount(async (account) => {
      await account.setup();
      const run = await account.run(join(dir, 'solution.ts'));
      expect(run.exitCode, describeRun(run)).toBe(0);
      const report = await account.grade();
      expect(report.score, `${describeReport(report)}\n${describeRun(run)}`).toBe(report.maxScore);
      expect(report.passed).toBe(true);
      options.solutionReport?.(report);
    }), caseTimeoutMs);

    test.concurrent('the solution run twice, as a learner pressing Run again would, still scores full marks', onFreshAccount(async (account) => {
      await account.setup();
      const first = await account.run(join(dir, 'solution.ts'));
      expect(first.exitCode, describeRun(first)).toBe(0);
      const second = await account.run(join(dir, 'solution.ts'));
      expect(second.exitCode, describeRun(second)).toBe(0);
      const report = await account.grade();
      expect(report.score, `${describeReport(report)}\n${describeRun(second)}`).toBe(report.maxScore);
    }), caseTimeoutMs);
  });
}

/** One fresh learner account: runs the lab's setup and scripts, and grades. */
class Account {
  readonly id = freshAccount();
  readonly context: LabContext;
  readonly lab: LabEntry;
  private readonly scriptTimeoutMs: number | undefined;

  constructor(lab: LabEntry, scriptTimeoutMs?: number) {
    this.lab = lab;
    this.scriptTimeoutMs = scriptTimeoutMs;
    this.context = createLabContext({ endpoint: testEndpoint(), account: this.id });
  }
  async setup(): Promise<void> {
    const { default: setup } = (await import(pathToFileURL(this.lab.setup).href)) as { default: (ctx: LabContext) => Promise<void> };
    await setup(this.context);
  }
  run(file: string): Promise<RunResult> {
    return runScript(file, { endpoint: testEndpoint(), account: this.id, timeoutMs: this.scriptTimeoutMs, cwd: this.lab.dir });
  }
  grade(): Promise<GradeReport> {
    return gradeLab(this.lab.lab, this.context);
  }
}

function describeReport(report: GradeReport): string {
  const lines = report.checks.map((c) => `  ${c.passed ? '✓' : '✗'} ${c.id} [${c.status}] ${c.message}`);
  return `grade of account ${report.account}: ${report.score}/${report.maxScore}\n${lines.join('\n')}`;
}

function describeRun(run: RunResult): string {
  return `script exit code ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}, output:\n${run.output.trim() || '(none)'}`;
}
