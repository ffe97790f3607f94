// What a careless or hostile client sends: bodies past AWS's limits, malformed documents, calls
// that do not exist. Each gets AWS's 4xx, never a 500, and the sandbox keeps serving with its
// memory back where it was. The sandbox runs in a process of its own here, to read its memory.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startSandboxProcess, type SandboxProcess } from '../sandbox-process.ts';
import { freshAccount } from '../../test/sandbox-context.ts';
import { rawRequest } from '../../test/raw-request.ts';

const MiB = 1024 * 1024;
const account = freshAccount();
let sandbox: SandboxProcess;
const config = () => ({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true, maxAttempts: 1 });
const signed = (service: string) => `AWS4-HMAC-SHA256 Credential=${account}/20261207/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${sandbox.pid}/status`, 'utf8'))![1]) / 1024;

beforeAll(async () => {
  sandbox = await startSandboxProcess({ port: 0 });
  await new S3Client(config()).send(new CreateBucketCommand({ Bucket: `hostile-${account}` }));
}, 120_000);
afterAll(async () => sandbox?.stop());

describe('bodies past the limits', () => {
  it('refuses an invoke payload over 6 MB with Lambda\'s error', async () => {
    const lambda = new LambdaClient(config());
    const payload = JSON.stringify({ data: 'x'.repeat(6 * MiB) });
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'any-fn', Payload: payload }))).rejects.toMatchObject({ name: 'RequestTooLargeException' });
  });

  it('refuses a deployment package over 50 MB zipped with Lambda\'s error', async () => {
    const lambda = new LambdaClient(config());
    const zip = randomBytes(51 * MiB);
    await expect(lambda.send(new CreateFunctionCommand({ FunctionName: 'huge-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: `arn:aws:iam::${account}:role/r`, Code: { ZipFile: zip } })))
      .rejects.toMatchObject({ name: 'RequestEntityTooLargeException' });
  });

  it('refuses an S3 object over the sandbox\'s 100 MiB cap, announced or not', async () => {
    const s3 = new S3Client(config());
    await expect(s3.send(new PutObjectCommand({ Bucket: `hostile-${account}`, Key: 'big.bin', Body: Buffer.alloc(101 * MiB) }))).rejects.toMatchObject({ name: 'EntityTooLarge' });
    const url = new URL(sandbox.endpoint);
    const raw = await rawRequest(sandbox.endpoint, { method: 'PUT', path: `/hostile-${account}/raw.bin`, headers: { host: url.host, authorization: signed('s3') }, body: Buffer.alloc(101 * MiB) });
    expect(raw.status).toBe(400);
    expect(raw.body).toContain('<Code>EntityTooLarge</Code>');
  });

  it('keeps serving, with its memory back near where it was', async () => {
    const before = rssMb();
    const lambda = new LambdaClient(config());
    for (let i = 0; i < 10; i++) {
      await lambda.send(new InvokeCommand({ FunctionName: 'any-fn', Payload: JSON.stringify({ data: 'x'.repeat(7 * MiB) }) })).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(rssMb() - before).toBeLessThan(64);
    expect((await fetch(`${sandbox.endpoint}/_infralabs/health`)).status).toBe(200);
  });
});

describe('moto behind the gateway', () => {
  it('answers nothing that does not come through the gateway: no account header, no admin route', async () => {
    const backend = sandbox.backendUrl;
    const listing = await fetch(`${backend}/`, { headers: { authorization: signed('s3'), 'x-moto-account-id': account } });
    expect(listing.status).toBe(403);
    const reset = await fetch(`${backend}/_infralabs/reset`, { method: 'POST', body: JSON.stringify({ all: true }) });
    expect(reset.status).toBe(403);
    const guessed = await fetch(`${backend}/_infralabs/reset`, { method: 'POST', body: JSON.stringify({ all: true }), headers: { 'x-infralabs-backend-token': 'guess' } });
    expect(guessed.status).toBe(403);
    // Through the gateway the same account still works.
    await expect(new S3Client(config()).send(new CreateBucketCommand({ Bucket: `still-${account}` }))).resolves.toBeDefined();
  });
});

describe('malformed and unknown calls', () => {
  const json = (service: string, target: string) => ({ authorization: signed(service), 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' });
  const form = (service: string) => ({ authorization: signed(service), 'content-type': 'application/x-www-form-urlencoded' });
  const cases: [name: string, method: string, path: string, headers: Record<string, string>, body: string, status: number, code: string][] = [
    ['a JSON call whose body is not JSON', 'POST', '/', json('ecs', 'AmazonEC2ContainerServiceV20141113.CreateCluster'), '{oops', 400, 'SerializationException'],
    ['a JSON call whose body is an array', 'POST', '/', json('logs', 'Logs_20140328.CreateLogGroup'), '[1,2]', 400, 'SerializationException'],
    ['an unknown JSON operation', 'POST', '/', json('ecs', 'AmazonEC2ContainerServiceV20141113.LaunchRockets'), '{}', 400, 'UnknownOperationException'],
    ['CreateFunction with a broken body', 'POST', '/2015-03-31/functions', { authorization: signed('lambda'), 'content-type': 'application/json' }, '{oops', 400, 'InvalidRequestContentException'],
    ['an unknown Lambda path', 'POST', '/2015-03-31/rockets', { authorization: signed('lambda') }, '{}', 404, 'UnknownOperationException'],
    ['an unknown EC2 action', 'POST', '/', form('ec2'), 'Action=LaunchRockets&Version=2016-11-15', 400, 'InvalidAction'],
    ['an IAM call with no action', 'POST', '/', form('iam'), '%%%', 400, 'MissingAction'],
    ['a role with a trust policy that is not JSON', 'POST', '/', form('iam'), 'Action=CreateRole&Version=2010-05-08&RoleName=r1&AssumeRolePolicyDocument=%7Boops', 400, 'MalformedPolicyDocument'],
    ['an unknown Auto Scaling action', 'POST', '/', form('autoscaling'), 'Action=LaunchRockets&Version=2011-01-01', 400, 'InvalidAction'],
    ['an unknown service', 'POST', '/', json('rockets', 'Rockets.Launch'), '{}', 400, 'UnknownServiceException'],
    ['a bucket policy that is not JSON', 'PUT', `/hostile-${account}?policy`, { authorization: signed('s3') }, '{oops', 400, 'MalformedPolicy'],
    ['a website configuration that is not XML', 'PUT', `/hostile-${account}?website`, { authorization: signed('s3') }, '<WebsiteConfiguration><IndexDocument>', 400, 'MalformedXML'],
    ['a notification configuration that is not XML', 'PUT', `/hostile-${account}?notification`, { authorization: signed('s3') }, '<x', 400, 'MalformedXML'],
    ['a multi-object delete that is not XML', 'POST', `/hostile-${account}?delete`, { authorization: signed('s3') }, '<<<', 400, 'MalformedXML'],
  ];

  it.each(cases)('%s gets AWS\'s error', async (_name, method, path, headers, body, status, code) => {
    const response = await rawRequest(sandbox.endpoint, { method, path, headers: { host: new URL(sandbox.endpoint).host, ...headers }, body });
    expect(response.status).toBe(status);
    expect(`${response.headers['x-amzn-errortype'] ?? ''} ${response.body}`).toContain(code);
  });

  it('is still serving afterwards', async () => {
    expect((await fetch(`${sandbox.endpoint}/_infralabs/health`)).status).toBe(200);
  });
});
