// A handler is confined (issue #10): every door a handler could open on the host is tried by a
// real function created through the API, is refused with the error Node gives, reported as a
// function error with its log lines, and the sandbox keeps serving. A normal handler still does
// everything a Lambda function does. Memory bombs and endless loops: isolation.test.ts.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';
import { projectRoot } from '../paths.ts';
import { testAccount, type TestAccount } from './test-functions.ts';

let t: TestAccount;
beforeAll(async () => {
  t = await testAccount(freshAccount());
  // One function tries whatever its event names, and says what happened.
  await t.createFunction('attacker', {
    'index.js': `const fs = require('node:fs');
const tries = {
  readPasswd: () => fs.readFileSync('/etc/passwd', 'utf8'),
  listProject: (e) => fs.readdirSync(e.path),
  readProjectFile: (e) => fs.readFileSync(e.path, 'utf8'),
  readSdkOutsideClosure: () => require('zod'),
  writeOutside: (e) => fs.writeFileSync(e.path, 'owned'),
  writeOwnCode: () => fs.writeFileSync(__filename, 'changed'),
  symlinkOut: () => { const link = require('node:path').join(require('node:os').tmpdir(), 'passwd'); fs.symlinkSync('/etc/passwd', link); return fs.readFileSync(link, 'utf8'); },
  spawn: () => require('node:child_process').execSync('id').toString(),
  worker: () => new (require('node:worker_threads').Worker)('1', { eval: true }),
  wasi: () => new (require('node:wasi').WASI)({ version: 'preview1' }),
  addon: () => process.dlopen({ exports: {} }, '/nonexistent/addon.node'),
  inspector: () => require('node:inspector').open(0),
  signalGateway: () => process.kill(process.ppid, 0),
  signalEveryone: () => process.kill(-1, 0),
};
exports.handler = async (event) => tries[event.try](event);`,
  }, { Timeout: 10 });
});

async function attempt(what: string, extra: Record<string, unknown> = {}) {
  const out = await t.invoke('attacker', { try: what, ...extra }, { LogType: 'Tail' });
  const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
  return { out, result: out.result as { errorType?: string; errorMessage?: string }, log };
}

async function expectStillServing() {
  const fresh = freshAccount();
  const other = await testAccount(fresh);
  await other.createFunction('alive', { 'index.js': 'exports.handler = async () => "alive";' });
  expect((await other.invoke('alive')).result).toBe('alive');
}

describe('a handler is confined', () => {
  const refused: [string, RegExp, Record<string, unknown>?][] = [
    ['readPasswd', /Use --allow-fs-read/],
    ['listProject', /Use --allow-fs-read/, { path: projectRoot }],
    ['readProjectFile', /Use --allow-fs-read/, { path: join(projectRoot, 'package.json') }],
    ['writeOwnCode', /Use --allow-fs-write/],
    ['symlinkOut', /fs\.symlink API requires full fs\.read and fs\.write permissions/],
    ['spawn', /Use --allow-child-process/],
    ['worker', /Use --allow-worker/],
    ['wasi', /Use --allow-wasi/],
    ['addon', /Cannot load native addon because loading addons is disabled|ERR_DLOPEN_DISABLED/],
    ['inspector', /Access to this API has been restricted/],
    ['signalGateway', /kill EPERM/],
    ['signalEveryone', /kill EPERM/],
  ];
  for (const [what, message, extra] of refused) {
    it(`refuses ${what} with Node's error, as a function error with its log lines`, async () => {
      const { out, result, log } = await attempt(what, extra);
      expect(out.FunctionError, JSON.stringify(result)).toBe('Unhandled');
      expect(result.errorMessage).toMatch(message);
      expect(log).toContain('Invoke Error');
      expect(log).toMatch(message);
    });
  }

  it('refuses a write outside its /tmp, and nothing is written', async () => {
    const target = join(tmpdir(), `infralabs-escape-${Date.now()}`);
    const { out, result } = await attempt('writeOutside', { path: target });
    expect(out.FunctionError).toBe('Unhandled');
    expect(result.errorMessage).toMatch(/Use --allow-fs-write/);
    expect(existsSync(target)).toBe(false);
  });

  it('finds only the SDK\'s packages, not the rest of the project\'s node_modules', async () => {
    const { result } = await attempt('readSdkOutsideClosure');
    expect(result.errorMessage).toMatch(/Cannot find module 'zod'/);
  });

  it('stops a /tmp written past its 512 MB with ENOSPC, and the next invocation starts afresh', async () => {
    await t.createFunction('filler', {
      'index.js': `const { writeFileSync, readdirSync } = require('node:fs');
const { join, } = require('node:path');
const { tmpdir } = require('node:os');
exports.handler = async (event) => {
  if (event.list) return readdirSync(tmpdir());
  const chunk = Buffer.alloc(32 * 1024 * 1024, 1);
  for (let i = 0; i < 24; i++) { writeFileSync(join(tmpdir(), 'part-' + i), chunk); await new Promise((r) => setTimeout(r, 20)); }
  return 'wrote 768 MB';
};`,
    }, { Timeout: 60 });
    const out = await t.invoke('filler', {}, { LogType: 'Tail' });
    expect(out.FunctionError, JSON.stringify(out.result)).toBe('Unhandled');
    expect(out.result).toMatchObject({ errorType: 'Error', errorMessage: 'ENOSPC: no space left on device, write' });
    expect(Buffer.from(out.LogResult!, 'base64').toString()).toContain('EphemeralStorage.Size');
    expect((await t.invoke('filler', { list: true })).result).toEqual([]);
  }, 60_000);

  it('keeps serving after every refusal', async () => {
    await expectStillServing();
  });
});

describe('a normal handler still works', () => {
  it('calls S3 through the SDK, reads its own files, writes and reads its /tmp (CommonJS)', async () => {
    const s3 = new S3Client(clientConfig(t.account));
    const bucket = `confined-${t.account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await t.createFunction('normal-cjs', {
      'index.js': `const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const config = require('./config.json');
const s3 = new S3Client({ forcePathStyle: true });
exports.handler = async (event) => {
  const own = readFileSync(join(__dirname, 'data', 'greeting.txt'), 'utf8').trim();
  writeFileSync(join(tmpdir(), 'scratch.txt'), own + '!');
  const scratch = readFileSync(join(tmpdir(), 'scratch.txt'), 'utf8');
  await s3.send(new PutObjectCommand({ Bucket: event.bucket, Key: config.key, Body: scratch }));
  const back = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: config.key }));
  return { scratch, stored: await back.Body.transformToString(), tmp: process.env.TMPDIR === tmpdir() };
};`,
      'config.json': '{ "key": "from-cjs.txt" }',
      'data/greeting.txt': 'hello from my own code\n',
    });
    const out = await t.invoke('normal-cjs', { bucket });
    expect(out.FunctionError, JSON.stringify(out.result)).toBeUndefined();
    expect(out.result).toEqual({ scratch: 'hello from my own code!', stored: 'hello from my own code!', tmp: true });
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'from-cjs.txt' }));
    expect(await object.Body!.transformToString()).toBe('hello from my own code!');
  });

  it('imports the SDK from an ES module and reads files beside it', async () => {
    await t.createFunction('normal-esm', {
      'index.mjs': `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
const s3 = new S3Client({});
export const handler = async () => {
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
  const own = await readFile(new URL('./note.txt', import.meta.url), 'utf8');
  return { buckets: Buckets.map((b) => b.Name), own };
};`,
      'note.txt': 'esm',
    });
    const out = await t.invoke('normal-esm');
    expect(out.FunctionError, JSON.stringify(out.result)).toBeUndefined();
    expect(out.result).toEqual({ buckets: [`confined-${t.account}`], own: 'esm' });
  });
});

describe('a flood of invokes in one account', () => {
  it('answers TooManyRequestsException past the account\'s concurrency, never a 500, and keeps serving other accounts', async () => {
    await t.createFunction('slow', { 'index.js': 'exports.handler = async () => new Promise((resolve) => setTimeout(() => resolve("done"), 1500));' });
    // No retries: every answer of the sandbox is counted as it came.
    const lambda = new LambdaClient({ ...clientConfig(t.account), maxAttempts: 1 });
    const flood = Array.from({ length: 40 }, () => lambda.send(new InvokeCommand({ FunctionName: 'slow' }))
      .then((out) => (out.FunctionError ? `function error ${Buffer.from(out.Payload!).toString()}` : 'ok'),
        (error: Error & { $metadata?: { httpStatusCode?: number }; Reason?: string }) => `${error.name} ${error.$metadata?.httpStatusCode} ${error.Reason}`));
    const [answers] = await Promise.all([Promise.all(flood), expectStillServing()]);
    const counts: Record<string, number> = {};
    for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
    expect(Object.keys(counts).sort(), JSON.stringify(counts)).toEqual(['TooManyRequestsException 429 ConcurrentInvocationLimitExceeded', 'ok']);
    // 10 at a time, each 1.5 s: a few more may start as the first ones finish, not most.
    expect(counts.ok).toBeLessThanOrEqual(20);
    // The environments the flood started serve the next invocations.
    expect((await t.invoke('slow')).result).toBe('done');
    await expectStillServing();
  }, 60_000);
});
