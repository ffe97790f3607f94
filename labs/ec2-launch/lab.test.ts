import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, test } from 'vitest';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import { resetSandbox } from '../../grader/sandbox-api.ts';
import { proveLab } from '../../grader/testing/prove-lab.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import lab from './lab.ts';

proveLab('ec2-launch');

describe('ec2-launch messages', () => {
  const accounts: string[] = [];
  const newContext = () => {
    const account = freshAccount();
    accounts.push(account);
    return createLabContext({ endpoint: testEndpoint(), account });
  };
  afterAll(() => Promise.all(accounts.map((account) => resetSandbox(testEndpoint(), { account }).catch(() => {}))));

  test('SSH open to the world fails with the reason (bots), in both languages; HTTP stays fine', async () => {
    const ctx = newContext();
    const { GroupId } = await ctx.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web' }));
    await ctx.ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    }));
    const checks = async (lang: 'en' | 'ko') => Object.fromEntries((await gradeLab(lab, ctx, { lang })).checks.map((c) => [c.id, c]));
    const en = await checks('en');
    expect(en['sg-http-from-anywhere']!.passed).toBe(true);
    expect(en['sg-no-other-public-rule']!.message).toContain('tcp 22 from 0.0.0.0/0');
    expect(en['sg-no-other-public-rule']!.hint).toMatch(/scanning bots within minutes/);
    expect(en['sg-ssh-from-one-address']!.message).toContain('no rule that allows TCP 22 from a specific address');
    const ko = await checks('ko');
    expect(ko['sg-no-other-public-rule']!.hint).toContain('몇 분 안에');
  });

  test('an all-traffic rule open to the world is named as such', async () => {
    const ctx = newContext();
    const { GroupId } = await ctx.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web' }));
    await ctx.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    const report = await gradeLab(lab, ctx);
    const check = report.checks.find((c) => c.id === 'sg-no-other-public-rule')!;
    expect(check.passed).toBe(false);
    expect(check.message).toContain('all traffic from 0.0.0.0/0');
    expect(check.evidence).toEqual([GroupId]);
  });
});
