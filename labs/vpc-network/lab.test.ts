import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import { runScript } from '../../grader/run/run-script.ts';
import { resetSandbox } from '../../grader/sandbox-api.ts';
import { proveLab } from '../../grader/testing/prove-lab.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import lab from './lab.ts';

proveLab('vpc-network');

describe('vpc-network against the sandbox', () => {
  const accounts: string[] = [];
  afterAll(() => Promise.all(accounts.map((account) => resetSandbox(testEndpoint(), { account }).catch(() => {}))));
  const run = (file: string, account: string) => runScript(join(import.meta.dirname, file), { endpoint: testEndpoint(), account, cwd: import.meta.dirname });

  test('the solution is idempotent: full marks after each of two runs, and nothing duplicated', async () => {
    const account = freshAccount();
    accounts.push(account);
    const ctx = createLabContext({ endpoint: testEndpoint(), account });
    const evidence: string[][] = [];
    for (const attempt of [1, 2]) {
      const result = await run('solution.ts', account);
      expect(result.exitCode, `run ${attempt}:\n${result.output}`).toBe(0);
      const report = await gradeLab(lab, ctx);
      expect(report.score, `run ${attempt}: ${JSON.stringify(report.checks.filter((check) => !check.passed))}`).toBe(report.maxScore);
      evidence.push(report.checks.flatMap((check) => check.evidence));
    }
    expect(evidence[1]).toEqual(evidence[0]);
  }, 240_000);

  test('a wrong answer is explained in both languages: what was found, and the way to fix it', async () => {
    const account = freshAccount();
    accounts.push(account);
    const ctx = createLabContext({ endpoint: testEndpoint(), account });
    const result = await run('fixtures/private-route-table.public-main.ts', account);
    expect(result.exitCode, result.output).toBe(0);
    const checks = async (lang: 'en' | 'ko') => Object.fromEntries((await gradeLab(lab, ctx, { lang })).checks.map((c) => [c.id, c]));
    const en = (await checks('en'))['private-route-table']!;
    expect(en.message).toMatch(/private-b → public-rt \(main\)/);
    expect(en.message).toMatch(/reaches the internet gateway/);
    expect(en.hint).toMatch(/main route table/);
    const ko = (await checks('ko'))['private-route-table']!;
    expect(ko.message).toContain('private-b → public-rt (main)');
    expect(ko.hint).toContain('기본(main) 라우팅 테이블');
  }, 240_000);
});
