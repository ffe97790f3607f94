// The CLI in a class: a sandbox started with the roster's keys (as `infralabs sandbox --roster`
// starts one), students signing with AWS_SECRET_ACCESS_KEY, the teacher with the roster's
// @teacher row, and the teacher's `class status` view. Run in-process (main(argv, io)).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classCredentials } from '../../sandbox/gateway/credentials.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/sandbox.ts';
import { freshAccount } from '../../test/sandbox-context.ts';
import { createLabContext } from '../context.ts';
import { loadLab } from '../labs.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

const example = join(import.meta.dirname, '../testing/example');
const dir = mkdtempSync(join(tmpdir(), 'infralabs-class-'));
const alice = { account: freshAccount(), secret: 'alice-secret-abcdefghijklmnopqrstuvwx' };
const bob = { account: freshAccount(), secret: 'bob-secret-abcdefghijklmnopqrstuvwxyz0' };
const teacher = { account: freshAccount(), secret: 'teacher-secret-abcdefghijklmnopqrstuv' };
// The class status view's students, with nothing of the other tests in their accounts.
const carol = { account: freshAccount(), secret: 'carol-secret-abcdefghijklmnopqrstuvwx' };
const dain = { account: freshAccount(), secret: 'dain-secret-abcdefghijklmnopqrstuvwxy' };
let sandbox: RunningSandbox;

type Key = typeof alice;
const as = (key: Key) => ({ AWS_ACCESS_KEY_ID: key.account, AWS_SECRET_ACCESS_KEY: key.secret });

async function cli(argv: string[], env: Record<string, string> = {}, options: { root?: string; signal?: AbortSignal; onOut?: (text: string) => void } = {}) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t; options.onOut?.(out); }, err: (t) => void (err += t), env, cwd: dir, root: options.root, signal: options.signal };
  const code = await main([...argv, '--endpoint', sandbox.endpoint], io);
  return { code, out, err };
}

const contextOf = (key: Key) => createLabContext({ endpoint: sandbox.endpoint, account: key.account, secret: key.secret });
/** An account's bucket is still there (what a refused reset must leave). */
const hasBucket = (key: Key, bucket: string) => contextOf(key).s3.send(new HeadBucketCommand({ Bucket: bucket })).then(() => true, () => false);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, credentials: classCredentials([alice, bob, carol, dain], teacher) });
  const roster = (students: [string, Key][]) => `student,account,secret\n@teacher,${teacher.account},${teacher.secret}\n${students.map(([name, key]) => `${name},${key.account},${key.secret}\n`).join('')}`;
  writeFileSync(join(dir, 'roster.csv'), roster([['alice', alice], ['bob', bob]]));
  writeFileSync(join(dir, 'status.csv'), roster([['carol', carol], ['다인 (dain)', dain]]));
}, 120_000);
afterAll(async () => sandbox?.stop());

describe('a student signs setup, run, solve and grade with AWS_SECRET_ACCESS_KEY', () => {
  it('works with the roster secret: the calls are the student\'s, in their account', async () => {
    const labs = { root: example };
    expect(await cli(['setup', 'key-and-volume'], as(alice), labs)).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse((await cli(['grade', 'key-and-volume', '--format', 'json'], as(alice), labs)).out)).toMatchObject({ account: alice.account, score: 1 });
    writeFileSync(join(dir, 'whoami.ts'), "import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';\nconsole.log((await new STSClient({}).send(new GetCallerIdentityCommand({}))).Account);\n");
    expect(await cli(['run', 'whoami.ts'], as(alice))).toEqual({ code: 0, out: `${alice.account}\n`, err: '' });
    expect(await cli(['solve', 'key-and-volume'], as(alice), labs)).toMatchObject({ code: 0 });
    expect(await cli(['grade', 'key-and-volume'], as(alice), labs)).toMatchObject({ code: 0 });
  });

  it.each([['setup', 'key-and-volume'], ['run', 'whoami.ts'], ['grade', 'key-and-volume']])('%s without the secret: one SignatureDoesNotMatch line with the fix, exit 2', async (command, arg) => {
    writeFileSync(join(dir, 'whoami.ts'), "console.log('ran');\n");
    const { code, out, err } = await cli([command!, arg!], { AWS_ACCESS_KEY_ID: alice.account }, { root: example });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method: the sandbox at ${sandbox.endpoint} is a class; set AWS_SECRET_ACCESS_KEY to your roster secret, the one given with account ${alice.account}.\n`);
  });

  it('an account not on the roster: one InvalidClientTokenId line with the fix', async () => {
    const stranger = freshAccount();
    const { code, err } = await cli(['grade', 'key-and-volume', '--account', stranger], as(alice), { root: example });
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^InvalidClientTokenId: .*; the class has no account ${stranger}: set AWS_ACCESS_KEY_ID \\(or --account\\) to the account on your roster row\\.\\n$`));
  });
});

describe('class status', () => {
  const maxOf = async (id: string) => (await loadLab(id)).lab.steps.flatMap((s) => s.checks).reduce((n, c) => n + c.points, 0);

  beforeAll(async () => {
    // 다인 solves s3-backup; carol does nothing.
    const solved = await cli(['solve', 's3-backup'], as(dain));
    expect(solved.code, solved.err).toBe(0);
  }, 120_000);

  it('--once: each student graded with their own key, the last scores and totals in aligned columns', async () => {
    const [s3, ec2] = [await maxOf('s3-backup'), await maxOf('ec2-launch')];
    const { code, out, err } = await cli(['class', 'status', '--roster', 'status.csv', '--labs', 's3-backup,ec2-launch', '--once']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const total = (n: number) => `${n}/${s3 + ec2}`;
    const rows = [
      ['student', 'account', 's3-backup', 'ec2-launch', 'total'],
      ['carol', carol.account, `0/${s3}`, `0/${ec2}`, total(0)],
      ['다인 (dain)', dain.account, `${s3}/${s3}`, `0/${ec2}`, total(s3)],
    ];
    // A terminal gives each Hangul syllable two columns: "다인 (dain)" takes 11.
    const columns = (cell: string) => cell.length + (cell.startsWith('다인') ? 2 : 0);
    const width = (i: number) => Math.max(...rows.map((r) => columns(r[i]!)));
    const line = (r: string[]) => r.map((cell, i) => {
      const pad = ' '.repeat(width(i) - columns(cell));
      return i < 2 ? cell + pad : pad + cell;
    }).join('  ').trimEnd();
    expect(out).toBe(`${rows.map(line).join('\n')}\n`);
  });

  it('without --once: clears the screen, draws the table and the next round, and stops cleanly on Ctrl-C', async () => {
    const controller = new AbortController();
    const { code, out, err } = await cli(['class', 'status', '--roster', 'status.csv', '--labs', 's3-backup', '--every', '5'], {}, {
      signal: controller.signal,
      onOut: (text) => text.includes('Ctrl-C stops') && controller.abort(),
    });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^\x1b\[2J\x1b\[Hstudent +account +s3-backup +total\n/);
    expect(out).toMatch(/\nupdated \d\d:\d\d:\d\d, next in 5s, Ctrl-C stops\n$/);
    expect(out.match(/updated/g)).toHaveLength(1);
  });

  it.each([
    [['class', 'status'], '`infralabs class status` shows a class: pass --roster roster.csv (make one with `infralabs roster new names.txt > roster.csv`).'],
    [['class', 'watch', '--roster', 'roster.csv'], 'Unknown `infralabs class watch`: use `infralabs class status --roster roster.csv`.'],
    [['class', 'status', '--roster', 'roster.csv', '--every', '0'], '--every must be a number of seconds, at least 1, e.g. --every 60 (got "0").'],
    [['class', 'status', '--roster', 'bad.csv', '--once'], 'DIR/bad.csv line 2 (alice): the account must be 12 digits, e.g. 000000000042.'],
  ])('%j: one line, exit 2', async (argv, message) => {
    writeFileSync(join(dir, 'bad.csv'), 'student,account\nalice,42\n');
    expect(await cli(argv)).toEqual({ code: 2, out: '', err: `${message.replace('DIR', dir)}\n` });
  });

  it('an unreachable sandbox: one line, exit 2', async () => {
    let err = '';
    const io: Io = { out: () => {}, err: (t) => void (err += t), env: {}, cwd: dir };
    expect(await main(['class', 'status', '--roster', 'roster.csv', '--once', '--endpoint', 'http://127.0.0.1:9'], io)).toBe(2);
    expect(err).toBe('Cannot reach the sandbox at http://127.0.0.1:9: start it with `npm start` or `npx infralabs sandbox`.\n');
  });
});

describe('reset in a class', () => {
  const bucket = (key: Key) => `keep-${key.account}`;
  beforeAll(async () => {
    for (const key of [alice, bob]) {
      await contextOf(key).s3.send(new CreateBucketCommand({ Bucket: bucket(key) }));
    }
  });

  it("a student may not reset another's account or everything: one line with the fix, exit 2, nothing emptied", async () => {
    const other = await cli(['reset', '--account', alice.account], as(bob));
    expect(other).toEqual({ code: 2, out: '', err: `You may reset only your own account (${bob.account}): only the teacher resets another account or the whole sandbox: \`infralabs reset ... --roster roster.csv\` signs with the roster's @teacher row.\n` });
    const all = await cli(['reset', '--all'], as(bob));
    expect(all).toEqual({ code: 2, out: '', err: "Only the teacher may reset the whole sandbox: only the teacher resets another account or the whole sandbox: `infralabs reset ... --roster roster.csv` signs with the roster's @teacher row.\n" });
    const unsigned = await cli(['reset', '--account', bob.account], { AWS_ACCESS_KEY_ID: bob.account });
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toMatch(new RegExp(`^SignatureDoesNotMatch: .*: set AWS_SECRET_ACCESS_KEY to your roster secret, the one given with account ${bob.account}\\.\\n$`));
    expect([await hasBucket(alice, bucket(alice)), await hasBucket(bob, bucket(bob))]).toEqual([true, true]);
  });

  it('a student resets their own account', async () => {
    expect(await cli(['reset', '--account', bob.account], as(bob))).toEqual({ code: 0, out: `Emptied account ${bob.account}.\n`, err: '' });
    expect([await hasBucket(alice, bucket(alice)), await hasBucket(bob, bucket(bob))]).toEqual([true, false]);
  });

  it('the teacher resets any account, or all, with --roster', async () => {
    expect(await cli(['reset', '--account', alice.account, '--roster', 'roster.csv'])).toEqual({ code: 0, out: `Emptied account ${alice.account}.\n`, err: '' });
    expect(await hasBucket(alice, bucket(alice))).toBe(false);
    expect(await cli(['reset', '--all', '--roster', 'roster.csv'])).toEqual({ code: 0, out: `Emptied the sandbox at ${sandbox.endpoint}.\n`, err: '' });
  });

  it('a roster that is not this sandbox\'s: the reason and the fix in one line', async () => {
    writeFileSync(join(dir, 'other.csv'), `student,account,secret\n@teacher,${freshAccount()},${'t'.repeat(30)}\nalice,${alice.account},${'a'.repeat(30)}\n`);
    const { code, err } = await cli(['reset', '--all', '--roster', 'other.csv']);
    expect(code).toBe(2);
    expect(err).toBe(`InvalidClientTokenId: The security token included in the request is invalid: check that other.csv is the roster the sandbox at ${sandbox.endpoint} was started with (its @teacher row signs the reset).\n`);
  });
});
