import { CreateBucketCommand, PutBucketLifecycleConfigurationCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, test } from 'vitest';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import { resetSandbox } from '../../grader/sandbox-api.ts';
import { proveLab } from '../../grader/testing/prove-lab.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import lab from './lab.ts';

proveLab('s3-backup');

describe('s3-backup messages', () => {
  const account = freshAccount();
  const ctx = createLabContext({ endpoint: testEndpoint(), account });
  const Bucket = `backup-${account}`;
  afterAll(() => resetSandbox(testEndpoint(), { account }).catch(() => {}));

  test('a whole-bucket rule with Expiration is told apart from the logs/ rule with noncurrent expiry', async () => {
    await ctx.s3.send(new CreateBucketCommand({ Bucket }));
    await ctx.s3.send(new PutBucketLifecycleConfigurationCommand({
      Bucket,
      LifecycleConfiguration: { Rules: [{ ID: 'all', Status: 'Enabled', Filter: {}, Transitions: [{ Days: 30, StorageClass: 'GLACIER' }], Expiration: { Days: 90 } }] },
    }));
    const checks = Object.fromEntries((await gradeLab(lab, ctx)).checks.map((c) => [c.id, c]));
    expect(checks['versioning-enabled']!.message).toBe(`Versioning on ${Bucket} is off (never enabled); expected Enabled.`);
    expect(checks['lifecycle-logs-rule']!.message).toBe('No enabled rule applies to logs/; found: all (Enabled, prefix "").');
    expect(checks['lifecycle-noncurrent-90']!.hint).toContain('Expiration expires the current versions');
    expect(checks['log-versions']!.message).toBe('There is no object logs/app.log.');
  });
});
