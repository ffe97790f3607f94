import { describe, expect, it } from 'vitest';
import { S3Client, CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

const account = freshAccount();
const s3 = new S3Client(clientConfig(account));

async function bucketWith(name: string, statement: Record<string, unknown>) {
  const bucket = `${name}-${account}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: 'a' }));
  await s3.send(new PutBucketPolicyCommand({
    Bucket: bucket,
    Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], ...statement }] }),
  }));
  return bucket;
}

const read = (bucket: string) => s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.txt' })).then((answer) => answer.Body!.transformToString(), (error: Error) => error.name);

describe('bucket-policy statements apply only when their condition holds', () => {
  it('lets the owner work under the usual "HTTPS only" Deny (sandbox requests count as secure transport)', async () => {
    const bucket = await bucketWith('https-only', { Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(await read(bucket)).toBe('a');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'b.txt', Body: 'b' }));
  });

  it('still applies a Deny whose condition holds, and one without a condition', async () => {
    expect(await read(await bucketWith('deny-secure', { Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': true } } }))).toBe('AccessDenied');
    expect(await read(await bucketWith('deny-all', { Effect: 'Deny' }))).toBe('AccessDenied');
  });

  it('does not apply statements conditioned on keys the sandbox cannot evaluate', async () => {
    expect(await read(await bucketWith('deny-vpce', { Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }))).toBe('a');
    expect(await read(await bucketWith('allow-ip', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }))).toBe('a');
  });
});
