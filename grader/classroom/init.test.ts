// `infralabs classroom init`: the template repository it writes, and its workflow's steps run
// locally (the same infralabs commands, against the test sandbox) on a right and a wrong answer.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeForLanguage } from '../code-language.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import type { ClassroomResult } from '../format/github.ts';
import type { Io } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { loadLab, projectRoot } from '../labs.ts';

const base = mkdtempSync(join(tmpdir(), 'infralabs-classroom-'));
const lab = 'ec2-launch';

async function cli(argv: string[], cwd = base, env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

async function init(name: string, ...flags: string[]) {
  const result = await cli(['classroom', 'init', lab, name, ...flags]);
  expect(result, result.err).toMatchObject({ code: 0, err: '' });
  return join(base, name);
}

/** The workflow's `run: npx infralabs ...` lines, in order, as argv. */
function workflowCommands(dir: string): string[][] {
  const workflow = readFileSync(join(dir, '.github/workflows/classroom.yml'), 'utf8');
  return [...workflow.matchAll(/^\s+run: npx infralabs (.+)$/gm)].map((match) => match[1]!.trim().split(/\s+/));
}

/** Runs the workflow's infralabs steps in `dir` as the job would: one fresh account, GITHUB_OUTPUT
 *  and GITHUB_STEP_SUMMARY files; only the endpoint differs (the job's sandbox is on 4566). */
async function runWorkflow(dir: string) {
  const env = { AWS_ACCESS_KEY_ID: freshAccount(), GITHUB_OUTPUT: join(dir, 'github-output'), GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const steps = [];
  for (const argv of workflowCommands(dir)) steps.push(await cli([...argv, '--endpoint', testEndpoint()], dir, env));
  const output = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  const reported = JSON.parse(Buffer.from(/^result=(.*)$/m.exec(output)![1]!, 'base64').toString('utf8')) as ClassroomResult;
  return { steps, reported, summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe('classroom init', () => {
  it('writes the starter, both guides, package.json, a README and the grading workflow', async () => {
    const dir = await init('assignment');
    const entry = await loadLab(lab);
    // The starter as the English lab page shows it: its comments in English only.
    const starter = readFileSync(join(dir, 'solution.ts'), 'utf8');
    expect(starter).toBe(codeForLanguage(readFileSync(entry.starter, 'utf8'), 'en'));
    expect(starter).not.toMatch(/[가-힣]/);
    const en = readFileSync(join(dir, 'GUIDE.en.md'), 'utf8');
    const ko = readFileSync(join(dir, 'GUIDE.ko.md'), 'utf8');
    expect(en.startsWith(`# ${entry.lab.title.en}\n\n`)).toBe(true);
    expect(ko.startsWith(`# ${entry.lab.title.ko}\n\n`)).toBe(true);
    // The guide's body whole, its site links pointing at the site.
    expect(en).toContain('](http://localhost:4321/en/lessons/ec2/)');
    expect(ko).not.toMatch(/\]\(\//);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: `infralabs-${lab}`, private: true, type: 'module', scripts: { grade: `infralabs grade ${lab}`, start: 'infralabs run solution.ts' } });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(entry.lab.title.en);
    expect(readme).toContain('## 한국어');
    const workflow = readFileSync(join(dir, '.github/workflows/classroom.yml'), 'utf8');
    expect(workflow).not.toMatch(/\{\{\w+\}\}/);
    expect(workflow).toContain('INFRALABS_PACKAGE: ${{ vars.INFRALABS_PACKAGE }}');
    expect(workflow).toContain('actions/setup-python@');
    expect(workflow).toContain('npx infralabs sandbox');
    expect(workflow).toContain('LAB_RESULTS: "${{ steps.lab.outputs.result }}"');
    expect(workflowCommands(dir)).toEqual([['setup', lab], ['run', 'solution.ts'], ['grade', lab, '--format', 'github']]);
    expect(existsSync(join(dir, '.gitignore'))).toBe(true);
  });

  it('with --lang ko, the starter speaks Korean', async () => {
    const dir = await init('assignment-ko', '--lang', 'ko');
    const starter = readFileSync(join(dir, 'solution.ts'), 'utf8');
    expect(starter).toBe(codeForLanguage(readFileSync((await loadLab(lab)).starter, 'utf8'), 'ko'));
    expect(starter).toMatch(/할 일/);
    expect(starter).not.toMatch(/\/\/ko/);
  });

  it("the workflow's fresh-account step writes a 12-digit AWS_ACCESS_KEY_ID to $GITHUB_ENV", () => {
    const dir = join(base, 'assignment');
    const line = /run: (echo "AWS_ACCESS_KEY_ID=.*)$/m.exec(readFileSync(join(dir, '.github/workflows/classroom.yml'), 'utf8'))![1]!;
    const githubEnv = join(base, 'github-env');
    const shell = spawnSync('bash', ['-c', line], { env: { ...process.env, GITHUB_ENV: githubEnv }, encoding: 'utf8' });
    expect(shell.status, shell.stderr).toBe(0);
    expect(readFileSync(githubEnv, 'utf8')).toMatch(/^AWS_ACCESS_KEY_ID=\d{12}\n$/);
  });

  it('refuses an existing non-empty folder and an unknown lab in one line, writing nothing', async () => {
    mkdirSync(join(base, 'taken'));
    writeFileSync(join(base, 'taken', 'notes.txt'), 'mine');
    expect(await cli(['classroom', 'init', lab, 'taken'])).toEqual({ code: 2, out: '', err: `${join(base, 'taken')} already exists and is not an empty folder: choose a new folder (classroom init never overwrites files).\n` });
    const unknown = await cli(['classroom', 'init', 'no-such-lab', 'fresh']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^labs\/no-such-lab: No lab "no-such-lab": choose one of .*ec2-launch.*\n$/);
    expect(existsSync(join(base, 'fresh'))).toBe(false);
    expect((await cli(['classroom', 'make', lab, 'fresh'])).err).toBe('Unknown `infralabs classroom make`: use `infralabs classroom init <lab> <dir>`.\n');
  });

  it("the generated assignment's workflow steps run locally and grade a right answer: full marks, every check passing", async () => {
    const dir = await init('right');
    copyFileSync(join(projectRoot, 'labs', lab, 'solution.ts'), join(dir, 'solution.ts'));
    const { steps, reported, summary } = await runWorkflow(dir);
    expect(steps.map((s) => s.code), steps.map((s) => s.err).join('')).toEqual([0, 0, 0]);
    const printed = JSON.parse(steps[2]!.out) as ClassroomResult;
    expect(reported).toEqual(printed);
    const checks = (await loadLab(lab)).lab.steps.flatMap((s) => s.checks);
    expect(reported.status).toBe('pass');
    expect(reported.max_score).toBe(checks.reduce((n, c) => n + c.points, 0));
    expect(reported.tests.map((t) => [t.status, t.score])).toEqual(checks.map((c) => ['pass', c.points]));
    expect(summary).toContain(`### ${lab}: Score ${reported.max_score}/${reported.max_score}\n`);
    expect(summary.match(/^\| ✅ \|/gm)).toHaveLength(checks.length);
  });

  it('and a wrong answer (a security group outside the default VPC): that check fails, the others earn their points', async () => {
    const dir = await init('wrong');
    copyFileSync(join(projectRoot, 'labs', lab, 'fixtures', 'sg-in-default-vpc.ts'), join(dir, 'solution.ts'));
    const { steps, reported, summary } = await runWorkflow(dir);
    expect(steps.map((s) => s.code), steps.map((s) => s.err).join('')).toEqual([0, 0, 1]);
    const checks = (await loadLab(lab)).lab.steps.flatMap((s) => s.checks);
    expect(reported.status).toBe('fail');
    expect(reported.tests.map((t) => [t.status, t.score])).toEqual(checks.map((c) => (c.id === 'sg-in-default-vpc' ? ['fail', 0] : ['pass', c.points])));
    const score = reported.tests.reduce((n, t) => n + t.score, 0);
    expect(score).toBe(reported.max_score - checks.find((c) => c.id === 'sg-in-default-vpc')!.points);
    expect(summary).toContain(`### ${lab}: Score ${score}/${reported.max_score}\n`);
    expect(summary.match(/^\| ❌ \|/gm)).toHaveLength(1);
  });
});
