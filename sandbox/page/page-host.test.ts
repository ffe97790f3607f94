// The page's host: the gateway's chain over moto in Pyodide, booted in Node from what the site
// serves. The SDK's calls go through host.answer() as the service worker relays them in a browser.
// What changes state is kept, and played again into a new moto it makes the same resources
// with the same ids (a reload in the browser); a reset forgets the account's calls.
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateSecurityGroupCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { randomAccount } from '../../grader/random-account.ts';
import { buildPageSandbox } from '../../scripts/build-page-sandbox.mjs';
import { pageHost, type PageHost } from './page-host.ts';
import { startPythonBackend, type PythonBackend } from './python-backend.ts';
import { nodeFiles } from './node-files.ts';
import { requestHandlerTo } from './test-request-handler.ts';
import { MemoryCallLog } from './write-log.ts';

let python: PythonBackend;
let host: PageHost;
const calls = new MemoryCallLog();
const origin = 'http://localhost:4321';
let nextId = 1;

// The service worker takes the sandbox's path (/_sandbox) off before the host sees a request.
const clientConfig = (account: string) => ({
  endpoint: origin,
  region: 'us-east-1',
  credentials: { accessKeyId: account, secretAccessKey: 'infralabs' },
  forcePathStyle: true,
  requestHandler: requestHandlerTo((request) => host.answer({ ...request, id: nextId++, headers: { ...request.headers, host: 'localhost:4321' } })),
});

beforeAll(async () => {
  await buildPageSandbox({ log: () => {} });
  python = await startPythonBackend(nodeFiles);
  host = await pageHost({ python, origin, endpoint: `${origin}/_sandbox`, calls });
}, 180_000);

describe('the sandbox in the page', () => {
  it('answers through the chain: health, and the AWS rules apply (a bucket name is global)', async () => {
    const health = await host.answer({ id: 0, method: 'GET', path: '/_infralabs/health', search: '', headers: { host: 'localhost:4321' }, body: new Uint8Array() });
    expect(JSON.parse(new TextDecoder().decode(health.body))).toMatchObject({ ready: true, backend: 'moto' });
    const bucket = `page-host-${randomAccount()}`;
    await new S3Client(clientConfig(randomAccount())).send(new CreateBucketCommand({ Bucket: bucket }));
    await expect(new S3Client(clientConfig(randomAccount())).send(new CreateBucketCommand({ Bucket: bucket }))).rejects.toThrow(/not available|BucketAlreadyExists/);
  });

  it('keeps what changed state, and played again into a new moto it gives the same ids', { timeout: 180_000 }, async () => {
    const account = randomAccount();
    const ec2 = new EC2Client(clientConfig(account));
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'kept-sg', Description: 'kept' }));
    const { Instances } = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-03c3da4cfa8e8943a', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SecurityGroupIds: [GroupId!] }));
    const kept = await calls.all();
    // Reads are not kept.
    expect(kept.filter((call) => call.account === account).map((call) => new URLSearchParams(new TextDecoder().decode(call.body)).get('Action'))).toEqual(['CreateSecurityGroup', 'RunInstances']);

    // A reload: a new moto, and the kept calls played into it.
    python = await startPythonBackend(nodeFiles);
    host = await pageHost({ python, origin, endpoint: `${origin}/_sandbox`, calls });
    expect(await host.restore()).toBe(kept.length);
    const again = await ec2.send(new DescribeInstancesCommand({}));
    expect(again.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(Instances![0]!.InstanceId);
    expect((await ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ['kept-sg'] }))).SecurityGroups?.[0]?.GroupId).toBe(GroupId);
  });

  it('a caller cannot choose the seed its ids are drawn from', async () => {
    const account = randomAccount();
    const create = (id: number) => host.answer({ id, method: 'PUT', path: `/seeded-${id}-${account}`, search: '', body: new Uint8Array(),
      headers: { host: 'localhost:4321', 'x-infralabs-seed': '42', authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0` } });
    expect((await create(1)).status).toBe(200);
    const kept = (await calls.all()).filter((call) => call.account === account);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.seed).not.toBe(42);
  });

  it("a reset empties the account and forgets its calls, and no other account's", async () => {
    const [mine, theirs] = [randomAccount(), randomAccount()];
    await new S3Client(clientConfig(mine)).send(new CreateBucketCommand({ Bucket: `mine-${mine}` }));
    await new S3Client(clientConfig(theirs)).send(new CreateBucketCommand({ Bucket: `theirs-${theirs}` }));
    const reset = await host.answer({ id: 0, method: 'POST', path: '/_infralabs/reset', search: '', headers: { host: 'localhost:4321', 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ account: mine })) });
    expect(reset.status).toBe(200);
    expect((await new S3Client(clientConfig(mine)).send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    const accounts = new Set((await calls.all()).map((call) => call.account));
    expect(accounts.has(mine)).toBe(false);
    expect(accounts.has(theirs)).toBe(true);
  });
});
