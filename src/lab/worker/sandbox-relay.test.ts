// The run worker's relay to the in-page sandbox, in Node: the SDK's browser request handler
// (FetchHttpHandler, told to use the relay as its fetch) over a MessagePort to the page's host,
// gateway and moto in Pyodide, booted from what the site serves; as the sandbox's worker serves a
// port in the browser (src/lab/page-sandbox/host-worker.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { randomAccount } from '../../../grader/random-account.ts';
import { buildPageSandbox } from '../../../scripts/build-page-sandbox.mjs';
import { nodeFiles } from '../../../sandbox/page/node-files.ts';
import { pageHost } from '../../../sandbox/page/page-host.ts';
import type { RelayRequest } from '../../../sandbox/page/page-host.ts';
import { startPythonBackend } from '../../../sandbox/page/python-backend.ts';
import { clientDefaults } from './client-defaults.ts';
import { relayFetch } from './sandbox-relay.ts';

// Nothing listens on port 9 (discard): a request the relay does not take fails to connect.
const origin = 'http://127.0.0.1:9';
const endpoint = `${origin}/_sandbox`;
const channel = new MessageChannel();
const relayed: RelayRequest[] = [];
const relay = relayFetch(channel.port1, endpoint);

/** Client settings as the run worker makes them, with the SDK's browser request handler. */
function config(account: string) {
  const defaults = clientDefaults({ endpoint, account, fetch: relay });
  return { ...defaults, requestHandler: new FetchHttpHandler(defaults.requestHandler) };
}

beforeAll(async () => {
  await buildPageSandbox({ log: () => {} });
  const host = await pageHost({ python: await startPythonBackend(nodeFiles), origin, endpoint });
  channel.port2.onmessage = async (event: MessageEvent<RelayRequest>) => {
    relayed.push(event.data);
    const answer = await host.answer(event.data);
    const body = answer.body.slice();
    channel.port2.postMessage({ ...answer, body }, [body.buffer]);
  };
}, 180_000);

afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

describe("the run worker's relay to the in-page sandbox", () => {
  it('carries SDK calls both ways: query and XML, bodies up and down, and answers without a body', async () => {
    const account = randomAccount();
    const ec2 = new EC2Client(config(account));
    const { Instances = [] } = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-03c3da4cfa8e8943a', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));
    const { Reservations = [] } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [Instances[0]!.InstanceId!] }));
    expect(Reservations[0]?.Instances?.[0]?.InstanceType).toBe('t3.micro');

    const s3 = new S3Client(config(account));
    const Bucket = `relay-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'notes/hello world.txt', Body: '안녕, relay', ContentType: 'text/plain' }));
    const object = await s3.send(new GetObjectCommand({ Bucket, Key: 'notes/hello world.txt' }));
    expect(await object.Body?.transformToString()).toBe('안녕, relay');
    expect((await s3.send(new HeadObjectCommand({ Bucket, Key: 'notes/hello world.txt' }))).ContentType).toBe('text/plain');
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'notes/hello world.txt' }));
    await expect(s3.send(new HeadObjectCommand({ Bucket, Key: 'notes/hello world.txt' }))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it("hands the sandbox the path below its address, and the sandbox's own host whatever the caller says", async () => {
    const before = relayed.length;
    const answer = await relay(`${endpoint}/_infralabs/health?probe=1`, { headers: { host: 'evil.example' } });
    expect(answer.status).toBe(200);
    expect(relayed.slice(before)).toEqual([expect.objectContaining({ method: 'GET', path: '/_infralabs/health', search: 'probe=1', headers: expect.objectContaining({ host: '127.0.0.1:9' }) })]);
  });

  it('relays nothing outside the sandbox address: those go to the network', async () => {
    const before = relayed.length;
    for (const outside of [`${origin}/_sandboxed/x`, `${origin}/other`, 'http://127.0.0.2:9/_sandbox/']) {
      await expect(relay(outside)).rejects.toThrow(TypeError);
    }
    expect(relayed.length).toBe(before);
  });
});
