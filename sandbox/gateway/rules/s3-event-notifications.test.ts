import { describe, expect, it } from 'vitest';
import {
  S3Client, CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, GetObjectCommand,
  DeleteObjectCommand, ListObjectsV2Command, type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { testAccount } from '../../lambda/test-functions.ts';

const account = freshAccount();
const s3 = new S3Client(clientConfig(account));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Writes what it was sent next to the object: processed/<name> for a creation, removed/<name> for a removal.
const recorder = `
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({ forcePathStyle: true });
export const handler = async (event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    const folder = record.eventName.startsWith('ObjectCreated') ? 'processed/' : 'removed/';
    await s3.send(new PutObjectCommand({ Bucket: record.s3.bucket.name, Key: folder + key.split('/').pop(), Body: JSON.stringify(record) }));
  }
};`;

// Copies every object it hears of: with no prefix on the notification, its own copies trigger it again.
const copier = `
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({ forcePathStyle: true });
export const handler = async (event) => {
  const record = event.Records[0];
  await s3.send(new PutObjectCommand({ Bucket: record.s3.bucket.name, Key: 'copy-' + decodeURIComponent(record.s3.object.key), Body: 'x' }));
};`;

async function waitFor<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const readObject = (bucket: string, key: string) => async () =>
  s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then((o) => o.Body!.transformToString(), () => undefined);

const keys = async (bucket: string) => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!).sort();

describe('S3 event notifications to Lambda', () => {
  it('need the function to allow S3 first, then deliver created and removed events under the prefix', async () => {
    const bucket = `uploads-${account}`;
    const functions = await testAccount(account);
    await functions.createFunction('recorder', { 'index.mjs': recorder });
    const functionArn = `arn:aws:lambda:us-east-1:${account}:function:recorder`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const configuration: NotificationConfiguration = {
      LambdaFunctionConfigurations: [
        { Id: 'created', LambdaFunctionArn: functionArn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } } },
        { Id: 'removed', LambdaFunctionArn: functionArn, Events: ['s3:ObjectRemoved:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } } },
      ],
    };
    const put = () => s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: configuration }));

    expect(await failure(put())).toMatchObject({ name: 'InvalidArgument', message: 'Unable to validate the following destination configurations' });
    await functions.lambda.send(new AddPermissionCommand({
      FunctionName: 'recorder', StatementId: 'other-bucket', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::someone-else',
    }));
    expect(await failure(put())).toMatchObject({ name: 'InvalidArgument' });
    await functions.lambda.send(new AddPermissionCommand({
      FunctionName: 'recorder', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${bucket}`, SourceAccount: account,
    }));
    await put();

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'incoming/red flower.txt', Body: 'petals' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'elsewhere/ignored.txt', Body: 'no' }));
    const record = JSON.parse(await waitFor(readObject(bucket, 'processed/red flower.txt'), 'processed/red flower.txt'));
    expect(record).toMatchObject({
      eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', awsRegion: 'us-east-1',
      s3: { configurationId: 'created', bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: 'incoming/red+flower.txt', size: 6 } },
    });
    expect(record.s3.object.eTag).toMatch(/^[0-9a-f]{32}$/);

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'incoming/red flower.txt' }));
    const removed = JSON.parse(await waitFor(readObject(bucket, 'removed/red flower.txt'), 'removed/red flower.txt'));
    expect(removed).toMatchObject({ eventName: 'ObjectRemoved:Delete', s3: { configurationId: 'removed' } });
    expect(await keys(bucket)).toEqual(['elsewhere/ignored.txt', 'processed/red flower.txt', 'removed/red flower.txt']);
  });

  it('stop a function that re-triggers itself after 16 invocations, as Lambda does', async () => {
    const loopAccount = freshAccount();
    const loopS3 = new S3Client(clientConfig(loopAccount));
    const bucket = `loop-${loopAccount}`;
    const functions = await testAccount(loopAccount);
    await functions.createFunction('copier', { 'index.mjs': copier });
    await functions.lambda.send(new AddPermissionCommand({ FunctionName: 'copier', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${bucket}` }));
    await loopS3.send(new CreateBucketCommand({ Bucket: bucket }));
    await loopS3.send(new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: `arn:aws:lambda:us-east-1:${loopAccount}:function:copier`, Events: ['s3:ObjectCreated:Put'] }] },
    }));
    await loopS3.send(new PutObjectCommand({ Bucket: bucket, Key: 'start', Body: 'x' }));
    const count = async () => ((await loopS3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).length;
    let last = -1;
    let stableFor = 0;
    for (let i = 0; i < 200 && stableFor < 10; i++) {
      await sleep(200);
      const now = await count();
      stableFor = now === last ? stableFor + 1 : 0;
      last = now;
    }
    // The upload and one copy per invocation: 16 invocations, then the chain is dropped.
    expect(last).toBe(17);
  });
});
