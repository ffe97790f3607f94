// The website endpoint on a backend that enforces accounts but cannot say who owns a bucket
// (MiniStack, LocalStack): here a second sandbox fronts the test sandbox's gateway as an
// external backend, which keeps accounts apart as those emulators do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, PutBucketPolicyCommand, PutBucketWebsiteCommand, PutObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, type RunningSandbox } from '../sandbox.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';

let front: RunningSandbox;
const account = freshAccount();
const bucket = `ext-site-${account}`;

beforeAll(async () => {
  front = await startSandbox({ port: 0, backendUrl: testEndpoint() });
  const s3 = new S3Client({ endpoint: front.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: '<h1>external</h1>', ContentType: 'text/html' }));
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }) }));
}, 120_000);

afterAll(async () => front?.stop());

describe('the website endpoint on an external backend', () => {
  it('reads a bucket created through the gateway in its owner\'s account', async () => {
    const page = await fetch(`${front.endpoint}/_infralabs/website/${bucket}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<h1>external</h1>');
  });
});
