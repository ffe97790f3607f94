// Backend failures through the whole gateway, with a stand-in backend that fails on purpose
// (the gateway fronts any AWS-compatible URL, so a tiny HTTP server is a backend too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { startSandbox, type RunningSandbox } from '../../sandbox.ts';
import { freePort } from '../../free-port.ts';

let failing: Server;
let sandbox: RunningSandbox;

beforeAll(async () => {
  failing = createServer((_request, response) => {
    response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'x-infralabs-backend-error': "KeyError: 'securityGroups'" });
    response.end('<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>');
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', () => resolve()));
  sandbox = await startSandbox({ port: 0, backendUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}` });
});

afterAll(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => failing?.close(resolve));
});

const config = () => ({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: '123412341234', secretAccessKey: 'x' }, forcePathStyle: true, maxAttempts: 1 });

async function failureOf(send: Promise<unknown>) {
  const error = await send.then(() => undefined, (caught: Error & { $metadata?: { httpStatusCode?: number } }) => caught);
  return { name: error?.name, message: error?.message ?? '', status: error?.$metadata?.httpStatusCode };
}

describe('backend failures', () => {
  it.each([
    ['ec2 (EC2 query)', () => new EC2Client(config()).send(new DescribeVpcsCommand({})), 'ec2 DescribeVpcs'],
    ['iam (query)', () => new IAMClient(config()).send(new ListRolesCommand({})), 'iam ListRoles'],
    ['ecs (JSON)', () => new ECSClient(config()).send(new ListClustersCommand({})), 'ecs ListClusters'],
    ['lambda (REST JSON)', () => new LambdaClient(config()).send(new ListFunctionsCommand({})), 'lambda ListFunctions'],
    ['s3 (REST XML)', () => new S3Client(config()).send(new ListBucketsCommand({})), 's3 ListBuckets'],
  ])('turn an HTML 500 into InternalFailure that %s clients parse, naming operation and cause', async (_name, call, names) => {
    const failure = await failureOf(call());
    expect(failure.name).toBe('InternalFailure');
    expect(failure.message).toContain(names);
    expect(failure.message).toContain("KeyError: 'securityGroups'");
  });

  it('answers quickly with a clear message when the backend is not reachable', async () => {
    const nowhere = await startSandbox({ port: 0, backendUrl: `http://127.0.0.1:${await freePort()}` });
    try {
      const started = Date.now();
      const failure = await failureOf(new EC2Client({ ...config(), endpoint: nowhere.endpoint }).send(new DescribeVpcsCommand({})));
      expect(failure.name).toBe('InternalFailure');
      expect(failure.message).toContain('not reachable');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await nowhere.stop();
    }
  }, 60_000);
});
