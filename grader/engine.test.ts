import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CreateKeyPairCommand, DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { freshAccount, testEndpoint } from '../test/sandbox-context.ts';
import { createLabContext } from './context.ts';
import { gradeLab } from './engine.ts';
import { defineLab, fail, pass, type Check, type LabContext } from './lab.ts';

const text = (en: string) => ({ en, ko: `(ko) ${en}` });
const check = (id: string, run: Check['run'], extra: Partial<Check> = {}): Check => ({ id, title: text(`title ${id}`), points: 10, run, ...extra });

// A tiny lab of its own: one check per engine behaviour.
const lab = defineLab({
  id: 'engine-test',
  title: text('Engine test'),
  summary: text('Exercises the engine'),
  lessons: [],
  services: ['ec2', 'sts'],
  steps: [
    {
      id: 'identity',
      title: text('Identity'),
      checks: [
        check('right-account', async (ctx) => {
          const { Account } = await ctx.sts.send(new GetCallerIdentityCommand({}), { abortSignal: ctx.signal });
          return Account === ctx.account ? pass(text(`account ${Account}`), [Account!]) : fail(text(`account ${Account}`), text('?'));
        }),
        check('has-key', async (ctx) => {
          const { KeyPairs = [] } = await ctx.ec2.send(new DescribeKeyPairsCommand({}));
          const key = KeyPairs.find((k) => k.KeyName === 'lab-key');
          return key ? pass(text('lab-key exists'), [key.KeyPairId!]) : fail(text('no key pair named lab-key'), text('create it with CreateKeyPair'));
        }),
      ],
    },
    {
      id: 'broken',
      title: text('Broken checks'),
      checks: [
        check('throws', async () => {
          throw new TypeError('cannot read properties of undefined');
        }, { points: 5 }),
        check('hangs', () => new Promise(() => {}), { timeoutMs: 300 }),
        check('slow', async (ctx) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          return ctx.signal.aborted ? fail(text('aborted'), text('')) : pass(text('slow but fine'));
        }),
      ],
    },
  ],
});

/** A fresh account's first EC2 call builds its backend in moto (seconds on a loaded machine). */
const warm = (account: string) => createLabContext({ endpoint: testEndpoint(), account }).ec2.send(new DescribeKeyPairsCommand({}));

describe('gradeLab', () => {
  it('reports each check in the JSON contract, in the chosen language', async () => {
    const account = freshAccount();
    await warm(account);
    const report = await gradeLab(lab, createLabContext({ endpoint: testEndpoint(), account }), { lang: 'ko' });
    expect(report).toMatchObject({ lab: 'engine-test', account, score: 20, maxScore: 45, passed: false });
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(report.checks.map((c) => c.id)).toEqual(['right-account', 'has-key', 'throws', 'hangs', 'slow']);
    expect(byId['right-account']).toMatchObject({ passed: true, points: 10, maxPoints: 10, status: 'pass', step: 'identity', hint: '', title: '(ko) title right-account', evidence: [account] });
    expect(byId['has-key']).toMatchObject({ passed: false, points: 0, status: 'fail', message: '(ko) no key pair named lab-key', hint: '(ko) create it with CreateKeyPair' });
    expect(byId.slow).toMatchObject({ passed: true, points: 10 });
  });

  it('fails a check that throws alone, with a clear message', async () => {
    const report = await gradeLab(lab, createLabContext({ endpoint: testEndpoint(), account: freshAccount() }));
    const thrown = report.checks.find((c) => c.id === 'throws')!;
    expect(thrown).toMatchObject({ passed: false, status: 'error', points: 0 });
    expect(thrown.message).toBe('Could not check "throws": the check stopped with TypeError: cannot read properties of undefined. This is not your mistake: report it to the lab\'s authors.');
  });

  it('fails a check that hangs at its own time limit while the others finish', async () => {
    const account = freshAccount();
    await warm(account);
    const report = await gradeLab(lab, createLabContext({ endpoint: testEndpoint(), account }));
    const hung = report.checks.find((c) => c.id === 'hangs')!;
    expect(hung).toMatchObject({ passed: false, status: 'error' });
    expect(hung.message).toMatch(/no answer within 0\.3 s/);
    expect(report.checks.find((c) => c.id === 'slow')).toMatchObject({ passed: true });
  });

  it('runs independent checks concurrently', async () => {
    const sleeper = (id: string) => check(id, async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return pass(text('slept'));
    });
    const sleepers = { ...lab, steps: [{ id: 's', title: text('s'), checks: [sleeper('a'), sleeper('b'), sleeper('c'), sleeper('d')] }] };
    const started = Date.now();
    const report = await gradeLab(sleepers, createLabContext({ endpoint: testEndpoint(), account: freshAccount() }));
    expect(report.score).toBe(40);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('scores full marks when every check passes', async () => {
    const account = freshAccount();
    const ctx = createLabContext({ endpoint: testEndpoint(), account });
    await ctx.ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
    const healthy = { ...lab, steps: [lab.steps[0]!] };
    expect(await gradeLab(healthy, ctx)).toMatchObject({ score: 20, maxScore: 20, passed: true });
  });

  it('says the sandbox is unreachable when it is', async () => {
    const report = await gradeLab({ ...lab, steps: [lab.steps[0]!] }, createLabContext({ endpoint: 'http://127.0.0.1:9', account: freshAccount() }));
    expect(report.score).toBe(0);
    for (const c of report.checks) {
      expect(c.status).toBe('error');
      expect(c.message).toContain('cannot reach the sandbox at http://127.0.0.1:9');
    }
  });
});

describe('one cause, said once', () => {
  it('keeps the first failure of a message whole and makes the repeats point to it', async () => {
    const missing = (id: string) => check(id, async () => fail(text('There is no instance tagged web-1.'), text('Launch it with RunInstances.')));
    const repeated = { ...lab, steps: [{ id: 's', title: text('s'), checks: [missing('running'), check('ok', async () => pass(text('fine'))), missing('type'), missing('key')] }] };
    const report = await gradeLab(repeated, createLabContext({ endpoint: testEndpoint(), account: freshAccount() }));
    expect(report.checks.map((c) => [c.id, c.passed, c.message, c.hint])).toEqual([
      ['running', false, 'There is no instance tagged web-1.', 'Launch it with RunInstances.'],
      ['ok', true, 'fine', ''],
      ['type', false, 'Same cause as “title running”: fix that first.', ''],
      ['key', false, 'Same cause as “title running”: fix that first.', ''],
    ]);
    const ko = await gradeLab(repeated, createLabContext({ endpoint: testEndpoint(), account: freshAccount() }), { lang: 'ko' });
    expect(ko.checks[2]!.message).toBe('「(ko) title running」 항목과 같은 원인입니다. 그 항목부터 해결하세요.');
  });
});

describe('shared reads', () => {
  it('sends an identical read once per grade and gives each check its own copy', async () => {
    const account = freshAccount();
    const ctx = createLabContext({ endpoint: testEndpoint(), account });
    let sent = 0;
    ctx.ec2.middlewareStack.add((next) => async (args) => {
      sent++;
      return next(args);
    }, { step: 'initialize', name: 'countForTest' });
    const reader = (id: string): Check =>
      check(id, async (c) => {
        const { KeyPairs = [] } = await c.ec2.send(new DescribeKeyPairsCommand({}));
        KeyPairs.push({ KeyName: id });
        return KeyPairs.length === 1 ? pass(text('own copy')) : fail(text(`shared copy: ${KeyPairs.length}`), text(''));
      });
    const readers = { ...lab, steps: [{ id: 's', title: text('s'), checks: [reader('a'), reader('b'), reader('c')] }] };
    const report = await gradeLab(readers, ctx);
    expect(report.checks.map((c) => c.message)).toEqual(['own copy', 'own copy', 'own copy']);
    expect(sent).toBe(1);
    await gradeLab(readers, ctx);
    expect(sent).toBe(2);
  });

  it('stops sharing once a check changes something, so it can watch the change', async () => {
    const ctx = createLabContext({ endpoint: testEndpoint(), account: freshAccount() });
    const count = async (c: LabContext) => ((await c.ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs ?? []).length;
    const writer = check('writer', async (c) => {
      const before = await count(c);
      await c.ec2.send(new CreateKeyPairCommand({ KeyName: 'made-during-grade' }));
      const after = await count(c);
      return after === before + 1 ? pass(text('fresh')) : fail(text(`stale: ${before} then ${after}`), text(''));
    });
    const report = await gradeLab({ ...lab, steps: [{ id: 's', title: text('s'), checks: [writer] }] }, ctx);
    expect(report.checks[0]!.message).toBe('fresh');
  });
});
