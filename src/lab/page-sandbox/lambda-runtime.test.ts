// The in-page Lambda runtime, run in Node without a Worker, with the real SDK against the test
// sandbox: handlers load and answer as in the Node host's runtime (sandbox/lambda/invoke.test.ts).
import { CreateBucketCommand, ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { functionEnvironment } from '../../../sandbox/lambda/function-env.ts';
import type { FunctionConfiguration } from '../../../sandbox/lambda/function-config.ts';
import type { LogEvent } from '../../../sandbox/lambda/log-lines.ts';
import { clientConfig, freshAccount, testEndpoint } from '../../../test/sandbox-context.ts';
import { LambdaFunction, type InvokeMessage } from './lambda-runtime.ts';

const account = freshAccount();
const encoder = new TextEncoder();

async function load(sources: Record<string, string>, configuration: Partial<FunctionConfiguration> = {}) {
  const full: FunctionConfiguration = {
    FunctionName: 'page-fn', FunctionArn: `arn:aws:lambda:eu-west-1:${account}:function:page-fn`, Runtime: 'nodejs22.x',
    Handler: 'index.handler', CodeSha256: 'x', LastModified: '', MemorySize: 256, Timeout: 3, Version: '$LATEST', PackageType: 'Zip',
    ...configuration,
  };
  const env = functionEnvironment(full, {
    account, region: 'eu-west-1', executedVersion: '$LATEST', taskRoot: '/var/task', runtimeDir: '/var/runtime',
    logStreamName: '2026/12/07/[$LATEST]0123456789abcdef0123456789abcdef', gatewayEndpoint: testEndpoint(),
  });
  const files = Object.fromEntries(Object.entries(sources).map(([path, text]) => [path, encoder.encode(text)]));
  const logs: LogEvent[] = [];
  const loaded = await LambdaFunction.load({ files, env, log: (event) => logs.push(event), loadSdk: (name) => import(name) });
  return { fn: 'fn' in loaded ? loaded.fn : undefined, error: 'error' in loaded ? loaded.error : undefined, logs };
}

let requests = 0;
const message = (event: unknown = {}): InvokeMessage => ({
  requestId: `request-${++requests}`, event, deadline: Date.now() + 3000, functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:eu-west-1:${account}:function:page-fn`, traceHeader: 'Root=1-00000000-000000000000000000000000;Sampled=0',
});

describe('a handler in the page', () => {
  it('runs an async handler with the event, Lambda\'s context and environment', async () => {
    const { fn } = await load({ 'index.js': `exports.handler = async (event, context) => ({
      event, remaining: context.getRemainingTimeInMillis(), name: context.functionName, id: context.awsRequestId,
      arn: context.invokedFunctionArn, memory: context.memoryLimitInMB, group: context.logGroupName, stream: context.logStreamName,
      waits: context.callbackWaitsForEmptyEventLoop, region: process.env.AWS_REGION, key: process.env.AWS_ACCESS_KEY_ID,
      handler: process.env._HANDLER, version: process.env.AWS_LAMBDA_FUNCTION_VERSION, trace: process.env._X_AMZN_TRACE_ID,
    });` });
    const input = message({ n: 1 });
    const result = await fn!.invoke(input);
    expect(result.ok).toBe(true);
    const body = JSON.parse((result as { payload: string }).payload);
    expect(body).toMatchObject({
      event: { n: 1 }, name: 'page-fn', id: input.requestId, arn: input.invokedFunctionArn, memory: '256', group: '/aws/lambda/page-fn',
      stream: '2026/12/07/[$LATEST]0123456789abcdef0123456789abcdef', waits: true, region: 'eu-west-1', key: account,
      handler: 'index.handler', version: '$LATEST', trace: input.traceHeader,
    });
    expect(body.remaining).toBeGreaterThan(2000);
    expect(body.remaining).toBeLessThanOrEqual(3000);
  });

  it('runs a callback handler, waiting for the timers it left (callbackWaitsForEmptyEventLoop)', async () => {
    const { fn, logs } = await load({ 'app/main.js': `let later = 'not yet';
      exports.go = (event, context, callback) => { setTimeout(() => { console.log('timer ran'); }, 50); callback(null, { doubled: event.n * 2 }); };` },
    { Handler: 'app/main.go' });
    const result = await fn!.invoke(message({ n: 21 }));
    expect(result).toEqual({ ok: true, payload: '{"doubled":42}' });
    expect(logs.map((event) => event.message).some((line) => line.endsWith('\tINFO\ttimer ran'))).toBe(true);
  });

  it('answers an error the handler throws in Lambda\'s shape and logs it', async () => {
    const { fn, logs } = await load({ 'index.js': 'class NotFound extends Error { constructor(m) { super(m); this.name = "NotFound"; } }\nexports.handler = async () => { throw new NotFound("no such order"); };' });
    const input = message();
    const result = await fn!.invoke(input);
    expect(result.ok).toBe(false);
    const { error } = result as { error: { errorType: string; errorMessage: string; trace: string[] } };
    expect(error.errorType).toBe('NotFound');
    expect(error.errorMessage).toBe('no such order');
    expect(error.trace[0]).toBe('NotFound: no such order');
    expect(logs.at(-1)!.message).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${input.requestId}\\tERROR\\tInvoke Error \\t\\{"errorType":"NotFound"`));
  });

  it('fails at init with Lambda\'s errors for a missing handler, module or package', async () => {
    const missing = await load({ 'index.js': 'exports.other = async () => 1;' });
    expect(missing.error).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
    expect(missing.logs[0]!.message).toMatch(/\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime.HandlerNotFound"/);
    const noFile = await load({ 'main.js': 'exports.handler = async () => 1;' });
    expect(noFile.error).toMatchObject({ errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'index'" });
    const noPackage = await load({ 'index.js': 'const fs = require("node:fs"); exports.handler = async () => 1;' });
    expect(noPackage.error?.errorType).toBe('Runtime.ImportModuleError');
    expect(noPackage.error?.errorMessage).toContain("Cannot find module 'node:fs'");
    const broken = await load({ 'index.js': 'exports.handler = async () => {' });
    expect(broken.error?.errorType).toBe('Runtime.UserCodeSyntaxError');
    const callback24 = await load({ 'index.js': 'exports.handler = (e, c, cb) => cb(null, 1);' }, { Runtime: 'nodejs24.x' });
    expect(callback24.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
  });

  it('runs an ES module handler that imports the SDK and its own files, reaching the sandbox in its account', async () => {
    const { fn } = await load({
      'index.mjs': `import { S3Client, CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { bucketName } from './lib/names.mjs';
import settings from './settings.json';
const s3 = new S3Client({});
await s3.send(new CreateBucketCommand({ Bucket: bucketName(settings.prefix) }));
export const handler = async () => {
  const { Buckets } = await s3.send(new ListBucketsCommand({}));
  return { buckets: Buckets.map((bucket) => bucket.Name), module: import.meta.url };
};`,
      'lib/names.mjs': 'export const bucketName = (prefix) => `${prefix}-${process.env.AWS_LAMBDA_FUNCTION_NAME}`;',
      'settings.json': '{ "prefix": "from-page" }',
    }, { Handler: 'index.handler' });
    expect(fn).toBeDefined();
    const result = await fn!.invoke(message());
    expect(result.ok).toBe(true);
    expect(JSON.parse((result as { payload: string }).payload)).toEqual({ buckets: ['from-page-page-fn'], module: 'file:///var/task/index.mjs' });
    // Made in the function's account, as its credentials say.
    const { Buckets } = await new S3Client(clientConfig(account)).send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['from-page-page-fn']);
  });

  it('holds the SDK calls and timers a handler left running until the next invocation, as Lambda\'s freeze does', async () => {
    const bucket = `frozen-${account}`;
    const s3 = new S3Client(clientConfig(account));
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { fn, logs } = await load({ 'index.js': `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.handler = async (event) => {
  if (!event.keys) return 'thawed';
  event.keys.forEach(async (key) => { await s3.send(new PutObjectCommand({ Bucket: '${bucket}', Key: key, Body: 'x' })); });
  setTimeout(() => console.log('late timer'), 10);
  return 'returned';
};` });
    const keys = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key);
    expect(await fn!.invoke(message({ keys: ['a', 'b'] }))).toEqual({ ok: true, payload: '"returned"' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await keys()).toEqual([]);
    expect(logs.some((event) => event.message.endsWith('late timer'))).toBe(false);
    const next = message();
    expect(await fn!.invoke(next)).toEqual({ ok: true, payload: '"thawed"' });
    for (let i = 0; i < 50 && (await keys()).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await keys()).toEqual(['a', 'b']);
    expect(logs.find((event) => event.message.endsWith('late timer'))?.message).toContain(`\t${next.requestId}\tINFO\t`);
  });

  it('writes console output as Lambda\'s log lines: time, request id, level, text', async () => {
    const { fn, logs } = await load({ 'index.js': `console.log('loading');
exports.handler = async (event) => { console.log('got', event); console.warn('careful'); console.error(new Error('bad')); console.info(42); return null; };` });
    expect(logs.map((event) => event.message)).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\tundefined\tINFO\tloading$/)]);
    logs.length = 0;
    const input = message({ a: 1 });
    expect(await fn!.invoke(input)).toEqual({ ok: true, payload: 'null' });
    const lines = logs.map((event) => event.message.split('\t').slice(1));
    expect(lines).toEqual([
      [input.requestId, 'INFO', 'got {\n  "a": 1\n}'],
      [input.requestId, 'WARN', 'careful'],
      [input.requestId, 'ERROR', 'Error: bad'],
      [input.requestId, 'INFO', '42'],
    ]);
  });
});
