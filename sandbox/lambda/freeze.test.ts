// Lambda freezes an execution environment between invocations (issue #13): work a handler left
// running when it returned (a timer, an SDK call nobody awaited) resumes at the next invocation,
// not before. Retirement of a frozen environment and the sandbox's shutdown still end it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';
import { startSandbox } from '../sandbox.ts';
import { testAccount, zipOf, type TestAccount } from './test-functions.ts';

let t: TestAccount;
let s3: S3Client;
let bucket: string;
beforeAll(async () => {
  t = await testAccount(freshAccount());
  s3 = new S3Client(clientConfig(t.account));
  bucket = `frozen-${t.account}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const exists = (key: string) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(() => true, () => false);

// On the first invocation the handler leaves a write behind (in a timer, or a call it does not
// await); later ones wait `event.wait` ms, giving the thawed work time to finish.
const leaver = (how: 'timer' | 'unawaited') => `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({ forcePathStyle: true });
exports.handler = async (event) => {
  if (event.wait) { await new Promise((resolve) => setTimeout(resolve, event.wait)); return 'waited'; }
  const write = () => s3.send(new PutObjectCommand({ Bucket: event.bucket, Key: event.key, Body: 'late' }));
  ${how === 'timer' ? 'setTimeout(write, 50);' : 'write();'}
  return 'returned';
};`;

describe('freezing between invocations', () => {
  for (const how of ['timer', 'unawaited'] as const) {
    it(`holds a ${how === 'timer' ? 'timer' : 'SDK call nobody awaited'} until the next invocation`, async () => {
      const name = `leaves-${how}`;
      const key = `${how}.txt`;
      await t.createFunction(name, { 'index.js': leaver(how) });
      expect((await t.invoke(name, { bucket, key })).result).toBe('returned');
      await sleep(1000);
      expect(await exists(key), 'the write ran while the environment should have been frozen').toBe(false);
      expect((await t.invoke(name, { wait: 1000 })).result).toBe('waited');
      expect(await exists(key), 'the write did not resume at the next invocation').toBe(true);
    }, 30_000);
  }

  it('retires a frozen environment when the code changes', async () => {
    await t.createFunction('frozen-pid', { 'index.js': 'exports.handler = async () => process.pid;' });
    const pid = (await t.invoke('frozen-pid')).result as number;
    expect(await settledState(pid)).toBe('T');
    await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'frozen-pid', ZipFile: zipOf({ 'index.js': 'exports.handler = async () => /* v2 */ process.pid;' }) }));
    expect((await t.invoke('frozen-pid')).result).not.toBe(pid);
    expect(await settledState(pid, undefined)).toBeUndefined();
  });
});

describe('shutdown', () => {
  it('ends frozen environments when the sandbox stops', async () => {
    const sandbox = await startSandbox({ port: 0 });
    let pid: number;
    try {
      const own = await testAccount('321098765432', { ...clientConfig('321098765432'), endpoint: sandbox.endpoint });
      await own.createFunction('frozen', { 'index.js': 'exports.handler = async () => process.pid;' });
      pid = (await own.invoke('frozen')).result as number;
      expect(await settledState(pid)).toBe('T');
    } finally {
      await sandbox.stop();
    }
    expect(await settledState(pid!, undefined)).toBeUndefined();
  }, 60_000);
});

/** The state of a process once it is `expected`, or after two seconds (a signal takes effect
 *  when the process is next scheduled, which takes a while on a busy machine). */
async function settledState(pid: number, expected: string | undefined = 'T'): Promise<string | undefined> {
  for (let i = 0; i < 100 && processState(pid) !== expected; i++) await sleep(20);
  return processState(pid);
}

/** The state letter of a process in /proc (T: stopped), undefined once it is gone (or a zombie). */
function processState(pid: number): string | undefined {
  try {
    const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return state === 'Z' ? undefined : state;
  } catch {
    return undefined;
  }
}
