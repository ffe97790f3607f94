import { describe, expect, it } from 'vitest';
import { S3Client, CreateBucketCommand, PutObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

const account = freshAccount();
const s3 = new S3Client(clientConfig(account));

describe('the gateway server', () => {
  it('keeps the length a HEAD answer reports (HeadObject ContentLength), though it sends no body', async () => {
    const bucket = `head-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'six.txt', Body: 'petals' }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'six.txt' }))).ContentLength).toBe(6);
  });
});
