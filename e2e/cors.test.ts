// A page on another localhost port calls EC2, S3, Lambda and EKS through the sandbox with the
// SDK bundled for the browser: proves preflights pass and AWS headers are readable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { freshAccount, testEndpoint } from '../test/sandbox-context.ts';

const pageScript = `
import { EC2Client, DescribeVpcsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { LambdaClient, ListFunctionsCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
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
`;

let server: Server;
let pageUrl: string;
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: pageScript, resolveDir: process.cwd(), loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'silent',
    define: { global: 'globalThis' },
  });
  const script = bundle.outputFiles[0]!.text;
  server = createServer((request, response) => {
    if (request.url === '/lab.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>lab</title><script type="module" src="/lab.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  pageUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a lab page on another origin', () => {
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
