// The CLI, run in-process (main(argv, io)) against the real test sandbox, with the example labs
// of grader/testing/example.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import { DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { createLabContext } from '../context.ts';
import type { GradeReport } from '../report.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

const root = join(import.meta.dirname, '../testing/example');
const dir = mkdtempSync(join(tmpdir(), 'infralabs-cli-'));

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd: dir, root };
  const code = await main(argv, io);
  return { code, out, err };
}

const solved = freshAccount();
const untouched = freshAccount();
const at = (account: string) => ['--endpoint', testEndpoint(), '--account', account];
let solving: Promise<unknown> | undefined;
const solve = () => (solving ??= cli(['solve', 'key-and-volume', ...at(solved)]).then((r) => expect(r).toMatchObject({ code: 0 })));

/** A fresh account's first EC2 call builds its backend in moto (seconds on a loaded machine). */
const warmed = new Map<string, Promise<unknown>>();
const warm = (account: string) => {
  if (!warmed.has(account)) warmed.set(account, createLabContext({ endpoint: testEndpoint(), account }).ec2.send(new DescribeKeyPairsCommand({})));
  return warmed.get(account)!;
};

describe('usage errors exit 2 with one line that says what to do', () => {
  it.each([
    [['frobnicate'], /^Unknown command "frobnicate": try one of labs, sandbox, setup, run, grade, solve, reset, lint/],
    [['grade'], /^`infralabs grade` needs <lab>: e\.g\. `infralabs grade ec2-launch`\.$/],
    [['grade', 'key-and-volume', '--bogus'], /^Unknown option --bogus .*: see `infralabs grade --help`\.$/],
    [['grade', 'key-and-volume', '--account', '42'], /^--account must be 12 digits, e\.g\. --account 000000000042 \(got "42"\)\.$/],
    [['grade', 'key-and-volume', '--format', 'pdf'], /^--format must be one of text, json, junit, csv, github \(got "pdf"\)\.$/],
    [['grade', 'key-and-volume', '--lang', 'fr'], /^--lang must be ko or en/],
    [['grade', 'no-such-lab'], /^labs\/no-such-lab: No lab "no-such-lab": choose one of broken-checks, key-and-volume/],
    [['run', 'x.ts', '--timeout', 'soon'], /^--timeout must be a number of seconds/],
    [['reset'], /^Say what to reset: --account <12 digits> for one account, or --all/],
  ])('%j', async (argv, line) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.trimEnd()).toMatch(line);
  });

  it('says how to start an unreachable sandbox', async () => {
    const { code, err } = await cli(['grade', 'key-and-volume', '--endpoint', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(err).toBe('Cannot reach the sandbox at http://127.0.0.1:9: start it with `npm start` or `npx infralabs sandbox`.\n');
  });

  it('prints help with every command and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    for (const name of ['labs', 'sandbox', 'setup', 'run', 'grade', 'solve', 'reset']) expect(out).toContain(`  ${name}`);
    expect((await cli(['grade', '--help'])).out).toContain('--roster <roster.csv>');
  });
});

describe('grade', () => {
  it('text: a line per check with ✓/✗, message and hint, then the score; exit 1 on a failure', async () => {
    await warm(untouched);
    const { code, out, err } = await cli(['grade', 'key-and-volume', ...at(untouched)]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toContain(`key-and-volume · account ${untouched}`);
    expect(out).toContain('✗ Key pair lab-key (0/1)\n    no key pair lab-key\n    Hint: run the setup\n');
    expect(out).toMatch(/Score: 0\/4\n$/);
  });

  it('json: exactly the contract, exit 0 when everything passes', async () => {
    await solve();
    const { code, out } = await cli(['grade', 'key-and-volume', '--format', 'json', ...at(solved)]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as GradeReport;
    expect(Object.keys(report)).toEqual(['lab', 'account', 'score', 'maxScore', 'passed', 'checks']);
    expect(report).toMatchObject({ lab: 'key-and-volume', account: solved, score: 4, maxScore: 4, passed: true });
    for (const check of report.checks) {
      expect(check).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), passed: true, points: expect.any(Number), maxPoints: expect.any(Number), message: expect.any(String), hint: '' }));
    }
  });

  it('junit: valid XML with a testcase per check, failures carrying message and hint', async () => {
    await warm(untouched);
    const { code, out } = await cli(['grade', 'key-and-volume', '--format', 'junit', ...at(untouched)]);
    expect(code).toBe(1);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(out);
    const suite = xml.testsuites.testsuite;
    expect(suite['@tests']).toBe('3');
    expect(suite['@failures']).toBe('3');
    const cases = suite.testcase as { '@name': string; failure: { '@message': string; '#text': string } }[];
    expect(cases).toHaveLength(3);
    expect(cases[0]!['@name']).toBe('Key pair lab-key');
    expect(cases[0]!.failure['@message']).toBe('no key pair lab-key');
    expect(cases[0]!.failure['#text']).toBe('no key pair lab-key\nrun the setup');
  });

  it('csv: a header and a row per check', async () => {
    await warm(untouched);
    const { out } = await cli(['grade', 'key-and-volume', '--format', 'csv', ...at(untouched)]);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('lab,account,step,check,title,status,passed,points,maxPoints,message,hint');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`key-and-volume,${untouched},ec2,key-pair-exists,Key pair lab-key,fail,false,0,1,no key pair lab-key,run the setup`);
    const toFile = await cli(['grade', 'key-and-volume', '--format', 'csv', '--output', 'report.csv', ...at(untouched)]);
    expect(toFile).toMatchObject({ code: 1, out: '' });
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe(out);
  });

  it('github: the autograding runner result, also written base64 to $GITHUB_OUTPUT, scoring partial credit', async () => {
    const partial = freshAccount();
    expect((await cli(['setup', 'key-and-volume', ...at(partial)])).code).toBe(0);
    const outputFile = join(dir, 'github-output');
    writeFileSync(outputFile, '');
    const { code, out } = await cli(['grade', 'key-and-volume', '--format', 'github', ...at(partial)], { GITHUB_OUTPUT: outputFile });
    expect(code).toBe(1);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ version: 1, status: 'fail', max_score: 4 });
    expect(result.tests.map((t: { status: string; score: number }) => [t.status, t.score])).toEqual([['pass', 1], ['fail', 0], ['fail', 0]]);
    const line = readFileSync(outputFile, 'utf8');
    expect(line).toMatch(/^result=[A-Za-z0-9+/=]+\n$/);
    expect(JSON.parse(Buffer.from(line.slice('result='.length).trim(), 'base64').toString('utf8'))).toEqual(result);
  });

  it('a check that throws or hangs fails alone, with a clear message', async () => {
    const { code, out } = await cli(['grade', 'broken-checks', ...at(freshAccount())]);
    expect(code).toBe(1);
    expect(out).toMatch(/✓ Works \(1\/1\)/);
    expect(out).toContain('! Throws (0/1) [could not check]\n    Could not check "throws": the check stopped with unexpected shape.');
    expect(out).toContain('! Hangs (0/1) [could not check]\n    Could not check "hangs": no answer within 0.3 s.');
    expect(out).toMatch(/Score: 1\/3\n$/);
  });

  it('grades a roster of several accounts: a row (csv) or an object (json) per student', async () => {
    await solve();
    const roster = join(dir, 'roster.csv');
    const a = freshAccount();
    const b = freshAccount();
    writeFileSync(roster, `student,account\nalice,${solved}\n"bob, jr",${a}\ncarol,${b}\n`);
    const csv = await cli(['grade', 'key-and-volume', '--roster', roster, '--endpoint', testEndpoint(), '--format', 'csv', '--concurrency', '2']);
    expect(csv.code).toBe(1);
    expect(csv.out.trimEnd().split('\n')).toEqual([
      'student,account,lab,score,maxScore,passed,key-pair-exists,one-volume,bucket-exists',
      `alice,${solved},key-and-volume,4,4,true,1,2,1`,
      `"bob, jr",${a},key-and-volume,0,4,false,0,0,0`,
      `carol,${b},key-and-volume,0,4,false,0,0,0`,
    ]);
    const json = await cli(['grade', 'key-and-volume', '--roster', 'roster.csv', '--endpoint', testEndpoint(), '--format', 'json']);
    const rows = JSON.parse(json.out) as (GradeReport & { student: string })[];
    expect(rows.map((r) => [r.student, r.account, r.score])).toEqual([['alice', solved, 4], ['bob, jr', a, 0], ['carol', b, 0]]);
  });

  it('refuses a malformed roster with one line naming the row and the fix', async () => {
    const roster = join(dir, 'bad-roster.csv');
    writeFileSync(roster, 'student,account\nalice,000000000042\nbob,12345\n');
    const { code, err } = await cli(['grade', 'key-and-volume', '--roster', roster, '--endpoint', testEndpoint()]);
    expect(code).toBe(2);
    expect(err).toBe(`${roster} line 3 (bob): the account must be 12 digits, e.g. 000000000042.\n`);
    writeFileSync(roster, 'name,id\nalice,000000000042\n');
    expect((await cli(['grade', 'key-and-volume', '--roster', roster])).err).toMatch(/the first line must name the columns student,account/);
  });
});

describe('run, setup, reset, labs', () => {
  const script = (name: string, source: string) => {
    writeFileSync(join(dir, name), source);
    return name;
  };

  it('runs a script with top-level await and an import, streaming its output; exit code is the script\'s', async () => {
    script('helper.ts', 'export const greet = (n: string): string => `hello ${n}`;\n');
    script('tla.ts', "import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';\nimport { greet } from './helper.ts';\nconst { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));\nconsole.log(greet(Account!));\nprocess.exitCode = 4;\n");
    const account = freshAccount();
    expect(await cli(['run', 'tla.ts', ...at(account)])).toEqual({ code: 4, out: `hello ${account}\n`, err: '' });
  });

  it('turns a thrown error into one line, and stops a script at --timeout', async () => {
    script('throws.ts', "throw new Error('lab-key is missing');\n");
    const thrown = await cli(['run', 'throws.ts', ...at(freshAccount())]);
    expect(thrown.code).toBe(1);
    expect(thrown.err).toBe('Error: lab-key is missing (at throws.ts:1)\n');
    script('forever.ts', 'await new Promise(() => setInterval(() => {}, 1000));\n');
    const stopped = await cli(['run', 'forever.ts', '--timeout', '1', ...at(freshAccount())]);
    expect(stopped.code).toBe(124);
    expect(stopped.err).toBe('Stopped after 1 s: the script took longer than its time limit (raise it with --timeout <seconds>).\n');
  });

  it('refuses a missing script with the fix', async () => {
    const { code, err } = await cli(['run', 'missing.ts', ...at(freshAccount())]);
    expect(code).toBe(2);
    expect(err).toMatch(/^No such file: missing\.ts\./);
  });

  it('setup is idempotent, reset --account empties the account', async () => {
    const account = freshAccount();
    expect((await cli(['setup', 'key-and-volume', ...at(account)])).code).toBe(0);
    expect((await cli(['setup', 'key-and-volume', ...at(account)])).out).toBe(`key-and-volume is set up for account ${account}.\n`);
    expect(JSON.parse((await cli(['grade', 'key-and-volume', '--format', 'json', ...at(account)])).out).score).toBe(1);
    expect(await cli(['reset', ...at(account)])).toEqual({ code: 0, out: `Emptied account ${account}.\n`, err: '' });
    expect(JSON.parse((await cli(['grade', 'key-and-volume', '--format', 'json', ...at(account)])).out).score).toBe(0);
  });

  it('takes the account from a 12-digit AWS_ACCESS_KEY_ID', async () => {
    const account = freshAccount();
    const { out } = await cli(['grade', 'key-and-volume', '--format', 'json', '--endpoint', testEndpoint()], { AWS_ACCESS_KEY_ID: account });
    expect(JSON.parse(out).account).toBe(account);
    const fallback = await cli(['grade', 'key-and-volume', '--format', 'json', '--endpoint', testEndpoint()], { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' });
    expect(JSON.parse(fallback.out).account).toBe('000000000000');
  });

  it('lists the labs', async () => {
    const { code, out } = await cli(['labs']);
    expect(code).toBe(0);
    expect(out).toContain('key-and-volume  Key and volume  (ec2, s3; 3 checks, 4 points)');
  });
});

describe('bin/infralabs.mjs', () => {
  it('exits with the code main returns', () => {
    const bin = join(import.meta.dirname, '../../bin/infralabs.mjs');
    const result = spawnSync(process.execPath, [bin, 'grade', 'ec2-launch', '--endpoint', 'http://127.0.0.1:9'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Cannot reach the sandbox at http://127.0.0.1:9: start it with `npm start` or `npx infralabs sandbox`.\n');
  }, 120_000);

  it('stops a running script cleanly on Ctrl-C and exits 130', async () => {
    writeFileSync(join(dir, 'loop.ts'), "console.log('looping');\nsetInterval(() => {}, 1000);\n");
    const bin = join(import.meta.dirname, '../../bin/infralabs.mjs');
    const child = spawn(process.execPath, [bin, 'run', 'loop.ts', '--endpoint', testEndpoint()], { cwd: dir });
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk) => (out += chunk) && out.includes('looping') && resolve()));
    const started = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 120_000);
});
