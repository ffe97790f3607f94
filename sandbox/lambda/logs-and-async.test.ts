// Logs reach CloudWatch Logs and LogResult; Event runs later, DryRun never; a handler's SDK
// calls reach the sandbox in the function's own account.
import { beforeAll, describe, expect, it } from 'vitest';
import { CloudWatchLogsClient, DescribeLogStreamsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { HeadBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';
import { testAccount, type TestAccount } from './test-functions.ts';

let t: TestAccount;
let logs: CloudWatchLogsClient;
let s3: S3Client;
beforeAll(async () => {
  t = await testAccount(freshAccount());
  logs = new CloudWatchLogsClient(clientConfig(t.account));
  s3 = new S3Client(clientConfig(t.account));
});

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Lambda logs', () => {
  it('writes START, the handler\'s console output, END and REPORT to /aws/lambda/<name> in the account', async () => {
    await t.createFunction('logger', { 'index.js': 'exports.handler = async (event) => { console.log("hello", event.who); console.error(new Error("careful").message); return "ok"; };' });
    const out = await t.invoke('logger', { who: 'learner' });
    const requestId = out.$metadata.requestId!;
    const { events = [] } = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/logger' }));
    const messages = events.map((event) => event.message ?? '');
    expect(messages[0]).toBe(`START RequestId: ${requestId} Version: $LATEST`);
    expect(messages[1]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\t${requestId}\\tINFO\\thello learner$`));
    expect(messages[2]).toMatch(new RegExp(`\\t${requestId}\\tERROR\\tcareful$`));
    expect(messages[3]).toBe(`END RequestId: ${requestId}`);
    expect(messages[4]).toMatch(new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms\\t$`));
    const { logStreams = [] } = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/logger' }));
    expect(logStreams.map((stream) => stream.logStreamName)).toEqual([expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/)]);
    const other = new CloudWatchLogsClient(clientConfig(freshAccount()));
    const elsewhere = await other.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/logger' })).catch((error: Error) => error);
    expect((elsewhere as Error).name).toBe('ResourceNotFoundException');
  });

  it('returns the last 4 KB of the log, base64, in LogResult with LogType Tail', async () => {
    await t.createFunction('tail', { 'index.js': 'exports.handler = async (event) => { for (let i = 0; i < event.lines; i++) console.log(`line ${i} ` + "x".repeat(60)); return event.lines; };' });
    const short = await t.invoke('tail', { lines: 1 }, { LogType: 'Tail' });
    const text = Buffer.from(short.LogResult!, 'base64').toString('utf8');
    expect(text).toMatch(/^START RequestId: \S+ Version: \$LATEST\n.*\tINFO\tline 0 x+\nEND RequestId: \S+\nREPORT RequestId: /);
    const long = await t.invoke('tail', { lines: 200 }, { LogType: 'Tail' });
    const longText = Buffer.from(long.LogResult!, 'base64');
    expect(longText.length).toBe(4096);
    expect(longText.toString()).toContain('line 199');
    expect(longText.toString()).toMatch(/REPORT RequestId: .*\n$/);
    expect((await t.invoke('tail', { lines: 1 })).LogResult).toBeUndefined();
  });

  it('logs a timeout as AWS does', async () => {
    await t.createFunction('slow', { 'index.js': 'exports.handler = () => new Promise(() => {});' }, { Timeout: 1 });
    const out = await t.invoke('slow', {}, { LogType: 'Tail' });
    const text = Buffer.from(out.LogResult!, 'base64').toString('utf8');
    expect(text).toMatch(/Z \S+ Task timed out after 1\.00 seconds\n/);
    expect(text).toMatch(/Status: timeout\t\n$/);
  });
});

describe('InvocationType', () => {
  it('Event answers 202 at once and runs the handler, whose SDK calls land in the function\'s account', async () => {
    const bucket = `event-${t.account}`;
    await t.createFunction('async-maker', {
      'index.mjs': `import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
        export const handler = async (event) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          await new S3Client({}).send(new CreateBucketCommand({ Bucket: event.bucket }));
          return 'made';
        };`,
    });
    const started = Date.now();
    const out = await t.invoke('async-maker', { bucket }, { InvocationType: 'Event' });
    expect(out.StatusCode).toBe(202);
    expect(Date.now() - started).toBeLessThan(300 + 5000);
    await eventually(() => s3.send(new HeadBucketCommand({ Bucket: bucket })));
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
    expect(Buckets.map((b) => b.Name)).toContain(bucket);
  });

  it('DryRun answers 204 and runs nothing', async () => {
    await t.createFunction('dry', { 'index.js': 'exports.handler = async () => { console.log("ran"); return 1; };' });
    const out = await t.invoke('dry', {}, { InvocationType: 'DryRun' });
    expect(out.StatusCode).toBe(204);
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/dry' })).catch((error: Error) => error);
    expect((streams as Error).name).toBe('ResourceNotFoundException');
    const missing = await t.invoke('not-there', {}, { InvocationType: 'DryRun' }).catch((error: Error) => error);
    expect((missing as Error).name).toBe('ResourceNotFoundException');
  });
});
