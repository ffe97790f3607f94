import { CreateBucketCommand, PutBucketPolicyCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, test } from 'vitest';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import { resetSandbox } from '../../grader/sandbox-api.ts';
import { proveLab } from '../../grader/testing/prove-lab.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import lab from './lab.ts';

proveLab('s3-website');

describe('s3-website against the sandbox', () => {
  const account = freshAccount();
  const ctx = createLabContext({ endpoint: testEndpoint(), account });
  const bucket = `site-${account}`;
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const read = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` };
  afterAll(() => resetSandbox(testEndpoint(), { account }).catch(() => {}));

  test('a new bucket refuses a public policy until the block is lifted; the checks then name what is wrong', async () => {
    await ctx.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await expect(ctx.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy([read]) })))
      .rejects.toMatchObject({ name: 'AccessDenied' });
    let checks = Object.fromEntries((await gradeLab(lab, ctx)).checks.map((c) => [c.id, c]));
    expect(checks['public-access-block']!.message).toContain('RestrictPublicBuckets on');
    expect(checks['policy-public-read']!.message).toContain('has no bucket policy');
    expect(checks['website-documents']!.message).toContain('no static website hosting configuration');

    await ctx.s3.send(new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    }));
    await ctx.s3.send(new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: policy([read, { Sid: 'Upload', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:PutObject', 's3:GetObject'], Resource: `arn:aws:s3:::${bucket}/*` }]),
    }));
    checks = Object.fromEntries((await gradeLab(lab, ctx)).checks.map((c) => [c.id, c]));
    expect(checks['public-access-block']!.passed).toBe(true);
    expect(checks['policy-public-read']!.passed).toBe(true);
    expect(checks['policy-nothing-else-public']!.message).toBe('The bucket policy lets everyone (*) do more than read: Upload: s3:PutObject.');
  });
});
