// A class on one sandbox: with the roster's keys, every call must be signed by a key on the
// roster and acts in that key's account only. Forged signatures, unknown keys, a student reaching
// into another's account or resetting it: all refused, state untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { CreateBucketCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type RunningSandbox } from '../sandbox.ts';
import { classCredentials } from './credentials.ts';
import { joinCode } from './join-codes.ts';
import { Sha256 } from '@smithy/core/checksum';
import { freshAccount } from '../../test/sandbox-context.ts';
import { testAccount } from '../lambda/test-functions.ts';

const alice = { student: '앨리스 Alice', account: freshAccount(), secret: 'alice-secret-abcdefghijklmnopqrstuvwx' };
const bob = { account: freshAccount(), secret: 'bob-secret-abcdefghijklmnopqrstuvwxyz0' };
const teacher = { account: freshAccount(), secret: 'teacher-secret-abcdefghijklmnopqrstuv' };
let sandbox: RunningSandbox;
const logged: string[] = [];

const config = (accessKeyId: string, secretAccessKey: string) => ({
  endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, forcePathStyle: true, maxAttempts: 1,
});

/** A presigned GET URL for an object, as @aws-sdk/s3-request-presigner makes one. */
async function presignedGet(key: { account: string; secret: string }, bucket: string, objectKey: string): Promise<string> {
  const url = new URL(sandbox.endpoint);
  const path = `/${bucket}/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
  const signer = new SignatureV4({ credentials: { accessKeyId: key.account, secretAccessKey: key.secret }, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false });
  const signed = await signer.presign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query: {}, headers: { host: url.host } }, { expiresIn: 60 });
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return `${sandbox.endpoint}${path}?${query}`;
}

/** POST /_infralabs/reset signed with SigV4, as the CLI signs it in a class. */
async function signedReset(key: { account: string; secret: string }, target: object): Promise<number> {
  const url = new URL(`${sandbox.endpoint}/_infralabs/reset`);
  const body = JSON.stringify(target);
  const signer = new SignatureV4({ credentials: { accessKeyId: key.account, secretAccessKey: key.secret }, region: 'us-east-1', service: 'infralabs', sha256: Sha256 });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers: { host: url.host, 'content-type': 'application/json' }, body });
  const response = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  return response.status;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, credentials: classCredentials([alice, bob], teacher), log: (line) => logged.push(line) });
  await new S3Client(config(alice.account, alice.secret)).send(new CreateBucketCommand({ Bucket: `alice-${alice.account}` }));
}, 120_000);
afterAll(async () => sandbox?.stop());

describe('a class sandbox', () => {
  it('serves a student who signs with their own secret, in every protocol, presigned URLs too', async () => {
    const s3 = new S3Client(config(alice.account, alice.secret));
    const bucket = `alice-${alice.account}`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes/hello world.txt', Body: 'hello', ContentType: 'text/plain' }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes/hello world.txt' }))).Body!.transformToString()).toBe('hello');
    expect((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'notes/' }))).KeyCount).toBe(1);
    expect((await new EC2Client(config(alice.account, alice.secret)).send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
    expect((await new LambdaClient(config(alice.account, alice.secret)).send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    expect((await new ECSClient(config(alice.account, alice.secret)).send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    await new IAMClient(config(alice.account, alice.secret)).send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
    const url = await presignedGet(alice, bucket, 'notes/hello world.txt');
    expect(await (await fetch(url)).text()).toBe('hello');
  });

  it('refuses a forged signature, an unknown key and an unsigned call with AWS\'s errors', async () => {
    await expect(new EC2Client(config(alice.account, 'guessed-secret')).send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    await expect(new S3Client(config(alice.account, 'guessed-secret')).send(new HeadBucketCommand({ Bucket: `alice-${alice.account}` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(new LambdaClient(config('999999999999', 'x')).send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    const unsigned = await fetch(`${sandbox.endpoint}/?Action=DescribeVpcs&Version=2016-11-15`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('missing Authentication Token');
    // A presigned URL whose signature was tampered with.
    const url = await presignedGet(alice, `alice-${alice.account}`, 'notes/hello world.txt');
    const tampered = url.replace(/X-Amz-Signature=([0-9a-f])/, (_, first: string) => `X-Amz-Signature=${first === '0' ? '1' : '0'}`);
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(url.replace('hello%20world', 'hello%20there'))).status).toBe(403);
  });

  it('keeps a student out of another\'s account and bucket', async () => {
    // Bob signs as Alice's account with his own secret: the signature does not match.
    await expect(new S3Client(config(alice.account, bob.secret)).send(new ListObjectsV2Command({ Bucket: `alice-${alice.account}` }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    // As himself, Alice's bucket is not his.
    await expect(new S3Client(config(bob.account, bob.secret)).send(new GetObjectCommand({ Bucket: `alice-${alice.account}`, Key: 'notes/hello world.txt' }))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('lets a student reset only their own account, and the teacher any or all', async () => {
    expect(await signedReset(bob, { account: alice.account })).toBe(403);
    expect(await signedReset(bob, { all: true })).toBe(403);
    expect(await signedReset({ account: alice.account, secret: bob.secret }, { account: alice.account })).toBe(403);
    const unsigned = await fetch(`${sandbox.endpoint}/_infralabs/reset`, { method: 'POST', body: JSON.stringify({ account: alice.account }) });
    expect(unsigned.status).toBe(403);
    // Refused resets left Alice's bucket in place.
    await expect(new S3Client(config(alice.account, alice.secret)).send(new HeadBucketCommand({ Bucket: `alice-${alice.account}` }))).resolves.toBeDefined();
    expect(await signedReset(bob, { account: bob.account })).toBe(200);
    expect(await signedReset(teacher, { account: alice.account })).toBe(200);
    await expect(new S3Client(config(alice.account, alice.secret)).send(new HeadBucketCommand({ Bucket: `alice-${alice.account}` }))).rejects.toThrow();
  });

  it('gives a student\'s Lambda handlers their account\'s own secret, so their SDK calls pass', async () => {
    const learner = await testAccount(alice.account, config(alice.account, alice.secret));
    await learner.createFunction('lister', {
      'index.mjs': `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
export const handler = async () => (await new S3Client({ forcePathStyle: true }).send(new ListBucketsCommand({}))).Buckets.map((b) => b.Name);`,
    });
    const { result, FunctionError } = await learner.invoke('lister');
    expect(FunctionError).toBeUndefined();
    expect(result).toEqual([]);
  });

  it('hands a student their key for their join code, typed loosely; never the teacher\'s, never to a foreign page', async () => {
    const join = (code: unknown, headers: Record<string, string> = {}) =>
      fetch(`${sandbox.endpoint}/_infralabs/join`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code }) });
    const code = joinCode(alice.secret);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const typed = code.toLowerCase().replace('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    const joined = await join(typed);
    expect(joined.status).toBe(200);
    expect(await joined.json()).toEqual({ student: alice.student, account: alice.account, secret: alice.secret });
    const teachers = await join(joinCode(teacher.secret));
    expect(teachers.status).toBe(404);
    expect(JSON.stringify(await teachers.json())).not.toContain(teacher.secret);
    expect((await join('ABCDE-FGHJK')).status).toBe(404);
    expect((await join('not a code')).status).toBe(400);
    expect((await join(42)).status).toBe(400);
    const foreign = await join(code, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).not.toContain(alice.secret);
  });
});

describe('a class sandbox makes its accounts before the class', () => {
  it('every roster account is made in the backend, and health says when', async () => {
    const health = async () => (await (await fetch(`${sandbox.endpoint}/_infralabs/health`)).json()) as { accountsReady?: boolean };
    for (let i = 0; i < 300 && !(await health()).accountsReady; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await health()).accountsReady).toBe(true);
    expect(logged.filter((line) => line.includes('Could not prepare'))).toEqual([]);
  });
});

describe('a sandbox without a class', () => {
  it('has no join route to answer', async () => {
    const plain = await startSandbox({ port: 0 });
    try {
      const response = await fetch(`${plain.endpoint}/_infralabs/join`, { method: 'POST', body: JSON.stringify({ code: joinCode(alice.secret) }) });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatch(/serves no class/);
      expect(await (await fetch(`${plain.endpoint}/_infralabs/health`)).json()).not.toHaveProperty('accountsReady');
    } finally {
      await plain.stop();
    }
  }, 120_000);
});
