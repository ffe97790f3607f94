// `--backend ministack`: a real MiniStack in .venv-ministack behind the gateway, started as
// `infralabs sandbox` starts it. The two gaps the backends issue found have a test each: the website
// endpoint reads a bucket in its owner's account on a backend that enforces accounts, and the
// sandbox's Lambda runner serves a backend whose own runner cannot run our handlers (Invoke and
// S3 event notifications).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateBucketCommand, GetBucketWebsiteCommand, ListObjectsV2Command, PutBucketNotificationConfigurationCommand, PutBucketPolicyCommand, PutBucketWebsiteCommand, PutObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { startSandboxProcess, type SandboxProcess } from '../sandbox-process.ts';
import { testAccount } from '../lambda/test-functions.ts';
import { freshAccount } from '../../test/sandbox-context.ts';

let sandbox: SandboxProcess;
const config = (account: string) => ({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true });

beforeAll(async () => {
  sandbox = await startSandboxProcess({ port: 0, emulator: 'ministack' });
}, 120_000);
afterAll(async () => sandbox?.stop());

describe('--backend ministack', () => {
  it('starts MiniStack on loopback and answers through the gateway', async () => {
    expect(sandbox.backendName).toBe('ministack');
    expect(sandbox.backendUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await (await fetch(`${sandbox.endpoint}/_infralabs/health`)).json();
    expect(health).toMatchObject({ backend: 'external', name: 'ministack', lambda: 'ours', version: '1.5.33', ready: true });
    const account = freshAccount();
    const identity = await new STSClient(config(account)).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(account);
  });

  it('serves a website from its owner\'s account, though MiniStack keeps other accounts out', async () => {
    const owner = freshAccount();
    const bucket = `ms-site-${owner}`;
    const s3 = new S3Client(config(owner));
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: '<h1>mini</h1>', ContentType: 'text/html' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'error.html', Body: '<h1>missing</h1>', ContentType: 'text/html' }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }) }));
    // The website's configuration, read in any account but the owner's (the default account is
    // where the gateway used to look), is refused: MiniStack enforces accounts.
    await expect(new S3Client(config('000000000000')).send(new GetBucketWebsiteCommand({ Bucket: bucket }))).rejects.toThrow(/Access Denied|AccessDenied/);
    const page = await fetch(`${sandbox.endpoint}/_infralabs/website/${bucket}/`);
    expect([page.status, await page.text()]).toEqual([200, '<h1>mini</h1>']);
    const missing = await fetch(`${sandbox.endpoint}/_infralabs/website/${bucket}/nothing.html`);
    expect([missing.status, await missing.text()]).toEqual([404, '<h1>missing</h1>']);
  });

  it('runs Node handlers with the sandbox\'s runner, for Invoke and for S3 events', async () => {
    const account = freshAccount();
    const bucket = `ms-trigger-${account}`;
    const lambda = await testAccount(account, config(account));
    await lambda.createFunction('copier', {
      'index.mjs': `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        const s3 = new S3Client({ forcePathStyle: true });
        export const handler = async (event) => {
          if (!event.Records) return { node: process.version };
          const { bucket, object } = event.Records[0].s3;
          await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: object.key.replace('incoming/', 'processed/'), Body: 'done' }));
        };`,
    });
    const invoked = await lambda.invoke('copier');
    expect(invoked.FunctionError).toBeUndefined();
    expect(invoked.result).toEqual({ node: process.version });

    const s3 = new S3Client(config(account));
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const functionArn = `arn:aws:lambda:us-east-1:${account}:function:copier`;
    await lambda.lambda.send(new AddPermissionCommand({ FunctionName: 'copier', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${bucket}` }));
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: {
      LambdaFunctionConfigurations: [{ LambdaFunctionArn: functionArn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } } }],
    } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'incoming/a.txt', Body: 'a' }));
    let keys: string[] = [];
    for (let tries = 0; tries < 50 && !keys.includes('processed/a.txt'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      keys = ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key!);
    }
    expect(keys.sort()).toEqual(['incoming/a.txt', 'processed/a.txt']);
  });

  it('stops MiniStack with the sandbox', async () => {
    const pid = sandbox.backendPid!;
    expect(pid).toBeGreaterThan(0);
    await sandbox.stop();
    const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
    for (let tries = 0; tries < 50 && alive(); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
  });
});
