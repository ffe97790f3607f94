// The policy table of policy/ through the grader's own entry points, and the Allow + NotPrincipal
// case of issue #10 against the real sandbox: refused by Block Public Access, public for the grader.
import { CreateBucketCommand, GetBucketPolicyCommand, PutBucketPolicyCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { policyTable } from '../../policy/policy-table.ts';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';
import { policiesAllow, trustAllowsService } from './iam.ts';
import { policyIsPublic } from './s3.ts';

describe('the policy table, through the grader', () => {
  for (const row of policyTable) {
    it(`${row.name} (${row.source})`, () => {
      const { question } = row;
      const text = JSON.stringify(row.policy);
      if (question.kind === 'public') expect(policyIsPublic(text)).toBe(question.expected);
      if (question.kind === 'request') expect(policiesAllow([text], question.request, question.options)).toBe(question.expected === 'allow');
      if (question.kind === 'trust') expect(trustAllowsService(encodeURIComponent(text), question.service)).toBe(question.expected);
    });
  }
});

describe('an Allow with NotPrincipal, against the sandbox', () => {
  const account = freshAccount();
  const s3 = new S3Client(clientConfig(account));

  it('is refused by Block Public Access, as on AWS, and the grader calls it public', async () => {
    const bucket = `not-principal-${account}`;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${account}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await expect(s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }))).rejects.toMatchObject({ name: 'AccessDenied' });

    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
    const { Policy } = await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }));
    expect(policyIsPublic(Policy)).toBe(true);
  });
});
