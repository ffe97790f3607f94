// The page's Lambda runner (pageLambdaRunner: the shared semantics with Web Worker environments)
// behind a gateway of its own in front of real moto, each environment's worker stood in for by
// an in-process object that serves the same messages (lambda-serve.ts): Invoke, logs, warm reuse,
// the timeout, and S3 event notifications reaching the function, recursion stop included.
// What only a real browser worker shows (that terminate stops a busy loop) is left to e2e.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddPermissionCommand, InvokeCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, ListObjectsV2Command, PutBucketNotificationConfigurationCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Backend } from '../../../sandbox/backend.ts';
import { accessRules } from '../../../sandbox/gateway/access.ts';
import { createGatewayServer } from '../../../sandbox/gateway/server.ts';
import type { GatewayContext } from '../../../sandbox/gateway/types.ts';
import type { HostLambdaRunner } from '../../../sandbox/lambda/lambda-runner.ts';
import { testAccount, type TestAccount } from '../../../sandbox/lambda/test-functions.ts';
import { startBackend } from '../../../sandbox/start-backend.ts';
import { freshAccount } from '../../../test/sandbox-context.ts';
import { pageLambdaRunner } from './lambda-environment.ts';
import type { FromLambdaWorker, ToLambdaWorker } from './lambda-messages.ts';
import { serveLambda } from './lambda-serve.ts';

/** A Worker as far as lambda-environment.ts uses one, answering in this process. */
class InProcessWorker extends EventTarget {
  static terminated = 0;
  private stopped = false;
  private readonly server = serveLambda((message: FromLambdaWorker) => {
    if (!this.stopped) queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: message })));
  }, (name) => import(name));

  postMessage(message: ToLambdaWorker): void {
    if (!this.stopped) queueMicrotask(() => this.server.receive(structuredClone(message)));
  }

  terminate(): void {
    if (!this.stopped) InProcessWorker.terminated++;
    this.stopped = true;
  }
}

let backend: Backend;
let runner: HostLambdaRunner;
let server: ReturnType<typeof createGatewayServer>;
let endpoint: string;
const config = (account: string) => ({ endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'infralabs' }, forcePathStyle: true });
const inAccount = (account: string) => testAccount(account, config(account));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  backend = await startBackend({}, () => {});
  runner = pageLambdaRunner({ makeWorker: () => new InProcessWorker() as unknown as Worker });
  const gateway: GatewayContext = { backend, endpoint: '', log: () => {}, access: accessRules(), lambda: runner };
  server = createGatewayServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.endpoint = endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  runner?.retireAll();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await backend?.stop();
});

describe('Lambda in the page', () => {
  let functions: TestAccount;
  beforeAll(async () => {
    functions = await inAccount(freshAccount());
  });

  it('answers Invoke with the handler\'s value and Lambda\'s log lines, and reuses the warm environment until the function changes', async () => {
    const account = await inAccount(freshAccount());
    await account.createFunction('counter', { 'index.js': 'let calls = 0;\nexports.handler = async (event) => { console.log("call", ++calls); return { calls, name: event.name }; };' });
    const first = await account.lambda.send(new InvokeCommand({ FunctionName: 'counter', Payload: JSON.stringify({ name: 'a' }), LogType: 'Tail' }));
    expect(JSON.parse(new TextDecoder().decode(first.Payload))).toEqual({ calls: 1, name: 'a' });
    expect(first.FunctionError).toBeUndefined();
    expect(first.ExecutedVersion).toBe('$LATEST');
    const log = atob(first.LogResult!);
    expect(log).toMatch(/^START RequestId: \S+ Version: \$LATEST\n/);
    expect(log).toMatch(/\tINFO\tcall 1\nEND RequestId: /);
    expect(log).toMatch(/REPORT RequestId: .*Memory Size: 128 MB\tMax Memory Used: 0 MB\tInit Duration: /);
    expect((await account.invoke('counter', {})).result).toMatchObject({ calls: 2 });
    await account.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'counter', Environment: { Variables: { CHANGED: '1' } } }));
    // The cached configuration is forgotten a moment after the change passes.
    await sleep(1200);
    expect((await account.invoke('counter', {})).result).toMatchObject({ calls: 1 });
  });

  it('stops a handler at its Timeout with Lambda\'s Sandbox.Timedout and ends its worker', async () => {
    await functions.createFunction('stuck', { 'index.js': 'exports.handler = () => new Promise(() => {});' }, { Timeout: 1 });
    const before = InProcessWorker.terminated;
    const out = await functions.invoke('stuck', {});
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.result).toMatchObject({ errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(/^RequestId: \S+ Error: Task timed out after 1\.00 seconds$/) });
    expect(InProcessWorker.terminated).toBe(before + 1);
  });

  it('answers an init error on invoke, as the Node host does', async () => {
    await functions.createFunction('nohandler', { 'index.js': 'exports.other = async () => 1;' });
    const out = await functions.invoke('nohandler', {});
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.result).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
  });

  it('runs the functions S3 notifies, and stops a function that re-triggers itself after 16 invocations', async () => {
    const account = functions.account;
    const s3 = new S3Client(config(account));
    const bucket = `page-loop-${account}`;
    await functions.createFunction('copier', { 'index.mjs': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({ forcePathStyle: true });
export const handler = async (event) => {
  const record = event.Records[0];
  await s3.send(new PutObjectCommand({ Bucket: record.s3.bucket.name, Key: 'copy-' + decodeURIComponent(record.s3.object.key), Body: 'x' }));
};` });
    await functions.lambda.send(new AddPermissionCommand({ FunctionName: 'copier', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${bucket}` }));
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: `arn:aws:lambda:us-east-1:${account}:function:copier`, Events: ['s3:ObjectCreated:Put'] }] },
    }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'start', Body: 'x' }));
    const count = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).length;
    let last = -1;
    let stableFor = 0;
    for (let i = 0; i < 200 && stableFor < 10; i++) {
      await sleep(200);
      const now = await count();
      stableFor = now === last ? stableFor + 1 : 0;
      last = now;
    }
    // The upload and one copy per invocation: 16 invocations (the handler's SDK sent the trace
    // header the page's runtime adds), then the chain is dropped.
    expect(last).toBe(17);
  }, 90_000);
});
