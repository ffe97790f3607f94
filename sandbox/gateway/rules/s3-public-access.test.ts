import { describe, expect, it } from 'vitest';
import {
  S3Client, CreateBucketCommand, GetPublicAccessBlockCommand, PutBucketPolicyCommand,
  PutPublicAccessBlockCommand, DeletePublicAccessBlockCommand, GetBucketPolicyCommand,
} from '@aws-sdk/client-s3';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { isPublicPolicy } from './bucket-policy.ts';

const account = freshAccount();
const s3 = new S3Client(clientConfig(account));
const publicPolicy = (bucket: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
});

describe('S3 blocks public access by default', () => {
  it('gives a new bucket a full public access block', async () => {
    const bucket = `pab-new-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { PublicAccessBlockConfiguration } = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    expect(PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
  });

  it('refuses a public policy with AccessDenied until BlockPublicPolicy is lifted', async () => {
    const bucket = `pab-policy-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const refused = await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicPolicy(bucket) })).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).name).toBe('AccessDenied');
    expect((refused as Error).message).toContain('BlockPublicPolicy');

    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicPolicy(bucket) }));
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy).toContain('s3:GetObject');
  });

  it('accepts a public policy once the block is deleted, and a private policy always', async () => {
    const bucket = `pab-delete-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const privatePolicy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 's3:*', Resource: `arn:aws:s3:::${bucket}/*` }] });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: privatePolicy }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicPolicy(bucket) }));
  });

  it('refuses an Allow with NotPrincipal: it grants everyone else, anonymous callers included', async () => {
    const bucket = `pab-not-principal-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const everyoneElse = JSON.stringify({ Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${account}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });
    const refused = await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: everyoneElse })).catch((error: Error) => error);
    expect((refused as Error).name).toBe('AccessDenied');
  });

  it('leaves the settings of a bucket you already own alone when you create it again', async () => {
    const bucket = `pab-again-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const open = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: open }));
    await s3.send(new CreateBucketCommand({ Bucket: bucket })); // us-east-1: 200 for your own bucket
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration).toEqual(open);

    const west = new S3Client({ ...clientConfig(account), region: 'us-west-2' });
    const westBucket = `pab-again-west-${account}`;
    await west.send(new CreateBucketCommand({ Bucket: westBucket, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }));
    await west.send(new DeletePublicAccessBlockCommand({ Bucket: westBucket }));
    const again = await west.send(new CreateBucketCommand({ Bucket: westBucket, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })).catch((error: Error) => error);
    expect((again as Error).name).toBe('BucketAlreadyOwnedByYou');
    const block = await west.send(new GetPublicAccessBlockCommand({ Bucket: westBucket })).catch((error: Error) => error);
    expect((block as Error).name).toBe('NoSuchPublicAccessBlockConfiguration');
  });

  it('reads public statements as S3 does', () => {
    expect(isPublicPolicy(publicPolicy('b'))).toBe(true);
    expect(isPublicPolicy(JSON.stringify({ Statement: { Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 's3:*', Resource: '*' } }))).toBe(true);
    expect(isPublicPolicy(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] }))).toBe(false);
    expect(isPublicPolicy(JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] }))).toBe(false);
  });
});
