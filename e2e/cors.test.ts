// A page on an allowed origin calls EC2, S3, Lambda and EKS through the sandbox with the SDK
// bundled for the browser: proves preflights pass and AWS headers are readable. The same page on
// an origin the sandbox does not allow, or on a rebound host name, can do nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { HeadObjectCommand as NodeHeadObject, S3Client as NodeS3 } from '@aws-sdk/client-s3';
import { ListFunctionsCommand as NodeListFunctions } from '@aws-sdk/client-lambda';
import { chromiumArgs } from './browser.ts';
import { clientConfig, freshAccount, testEndpoint, testSitePort } from '../test/sandbox-context.ts';
import { testAccount, zipOf } from '../sandbox/lambda/test-functions.ts';

const pageScript = `
import { EC2Client, DescribeVpcsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { LambdaClient, ListFunctionsCommand, GetFunctionCommand, CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';

window.runLab = async (endpoint, account) => {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true };
  const result = {};
  const ec2 = new EC2Client(config);
  result.vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs.length;
  const s3 = new S3Client(config);
  const bucket = 'cors-' + account;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: 'hello from the browser', ContentType: 'text/plain' }));
  result.etag = put.ETag;
  result.body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'hello.txt' }))).Body.transformToString();
  result.headRequestId = (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'hello.txt' }))).$metadata.requestId ?? null;
  const lambda = new LambdaClient(config);
  result.functions = (await lambda.send(new ListFunctionsCommand({}))).Functions.length;
  result.lambdaError = await lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })).then(() => 'none', (error) => error.name);
  result.ec2Error = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-00000000000000000'] })).then(() => 'none', (error) => error.name);
  const eks = new EKSClient(config);
  result.clusters = (await eks.send(new ListClustersCommand({}))).clusters.length;
  return result;
};

// What a hostile page tries: create a function and invoke one through the SDK, and the requests
// that need no preflight (an invoke with a text body, a query API form, a reset).
window.attack = async (endpoint, account, zipBase64) => {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true, maxAttempts: 1 };
  const lambda = new LambdaClient(config);
  const outcome = {};
  const zip = Uint8Array.from(atob(zipBase64), (c) => c.charCodeAt(0));
  outcome.create = await lambda.send(new CreateFunctionCommand({ FunctionName: 'planted-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: 'arn:aws:iam::' + account + ':role/lambda-test-role', Code: { ZipFile: zip } })).then(() => 'created', (error) => error.name);
  outcome.invoke = await lambda.send(new InvokeCommand({ FunctionName: 'marker-fn', Payload: '{}' })).then(() => 'invoked', (error) => error.name);
  const blind = (path, type, body) => fetch(endpoint + path, { method: 'POST', mode: 'no-cors', headers: { 'content-type': type }, body }).then(() => 'sent', () => 'failed');
  outcome.blindInvoke = await blind('/2015-03-31/functions/marker-fn/invocations', 'text/plain', '{}');
  outcome.blindReset = await blind('/_infralabs/reset', 'text/plain', JSON.stringify({ account }));
  return outcome;
};
`;

let server: Server;
let foreignServer: Server;
let pageUrl: string;
let foreignUrl: string;
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: pageScript, resolveDir: process.cwd(), loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'silent',
    define: { global: 'globalThis' },
  });
  const script = bundle.outputFiles[0]!.text;
  const servePage = () => createServer((request, response) => {
    if (request.url === '/lab.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>lab</title><script type="module" src="/lab.js"></script>');
  });
  // The allowed page is on this test worker's site port; the foreign one on any other port.
  server = servePage();
  await new Promise<void>((resolve) => server.listen(testSitePort(), '127.0.0.1', () => resolve()));
  pageUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
  foreignServer = servePage();
  await new Promise<void>((resolve) => foreignServer.listen(0, '127.0.0.1', () => resolve()));
  foreignUrl = `http://localhost:${(foreignServer.address() as AddressInfo).port}/`;
  // evil.example resolves to this machine, as a rebinding attacker's name would.
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, '--host-resolver-rules=MAP evil.example 127.0.0.1'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => foreignServer?.close(resolve));
});

describe('a lab page on an allowed origin', () => {
  it('calls EC2, S3, Lambda and EKS through the sandbox and reads their headers and errors', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    // The expected 404 and 400 answers are logged as failed loads; only CORS refusals count here.
    page.on('console', (message) => { if (/CORS|Access-Control/i.test(message.text())) failures.push(message.text()); });
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'runLab' in window);
    const endpoint = testEndpoint().replace('127.0.0.1', 'localhost');
    const result = await page.evaluate(([url, account]) => (window as unknown as { runLab: (u: string, a: string) => Promise<Record<string, unknown>> }).runLab(url!, account!), [endpoint, freshAccount()]);
    expect(failures).toEqual([]);
    expect(result).toMatchObject({
      vpcs: 1, body: 'hello from the browser', functions: 0, clusters: 0,
      lambdaError: 'ResourceNotFoundException', ec2Error: 'InvalidInstanceID.NotFound',
    });
    expect(result['etag']).toMatch(/^"[0-9a-f]{32}"$/);
    expect(result['headRequestId']).toBeTruthy();
  });
});

describe('a page on an origin the sandbox does not allow', () => {
  it('cannot create or invoke a function, nor reset the account', async () => {
    const account = freshAccount();
    const learner = await testAccount(account);
    // The learner's own function writes a marker object when it runs.
    const s3 = new NodeS3(clientConfig(account));
    await learner.createFunction('marker-fn', {
      'index.mjs': `import { S3Client, CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
export const handler = async () => {
  const s3 = new S3Client({ forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'marker-${account}' })).catch(() => {});
  await s3.send(new PutObjectCommand({ Bucket: 'marker-${account}', Key: 'ran', Body: 'yes' }));
  return 'ran';
};`,
    });
    const page = await browser.newPage();
    await page.goto(foreignUrl);
    await page.waitForFunction(() => 'attack' in window);
    const endpoint = testEndpoint().replace('127.0.0.1', 'localhost');
    const zip = Buffer.from(zipOf({ 'index.js': 'exports.handler = async () => require("fs").readFileSync("/etc/passwd", "utf8");' })).toString('base64');
    const outcome = await page.evaluate(([url, id, code]) => (window as unknown as { attack: (u: string, a: string, z: string) => Promise<Record<string, string>> }).attack(url!, id!, code!), [endpoint, account, zip]);
    // The SDK's requests die at the refused preflight (a network error to the page).
    expect(outcome.create).not.toBe('created');
    expect(outcome.invoke).not.toBe('invoked');
    await page.close();
    // Nothing was created, nothing ran, nothing was reset.
    const functions = (await learner.lambda.send(new NodeListFunctions({}))).Functions ?? [];
    expect(functions.map((fn) => fn.FunctionName)).toEqual(['marker-fn']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(s3.send(new NodeHeadObject({ Bucket: `marker-${account}`, Key: 'ran' }))).rejects.toThrow();
  });

  it('cannot reach the sandbox by rebinding a name of its own to this machine', async () => {
    const page = await browser.newPage();
    const port = new URL(testEndpoint()).port;
    const rebound = `http://evil.example:${port}`;
    const first = await page.goto(`${rebound}/_infralabs/health`);
    expect(first?.status()).toBe(403);
    // Same-origin now, so no CORS stands in the way: the Host name does.
    const status = await page.evaluate((url) => fetch(`${url}/2015-03-31/functions/`, { method: 'GET' }).then((response) => response.status), rebound);
    expect(status).toBe(403);
    await page.close();
  });
});
