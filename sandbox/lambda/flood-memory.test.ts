// After a flood of invokes the sandbox gives back what the flood took: the environments it
// started retire once idle (INFRALABS_LAMBDA_IDLE_MS, 5 minutes by default, 1.5 s here) and the
// gateway's memory returns near its level. A sandbox process of its own, to count its processes.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startSandboxProcess, type SandboxProcess } from '../sandbox-process.ts';
import { freshAccount } from '../../test/sandbox-context.ts';
import { testAccount } from './test-functions.ts';

let sandbox: SandboxProcess;
const account = freshAccount();

/** The Node processes of Lambda environments (and spares) the sandbox process runs. */
function lambdaProcesses(): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (Number(parent) === sandbox.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('bootstrap.mjs')) count++;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${sandbox.pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  process.env.INFRALABS_LAMBDA_IDLE_MS = '1500';
  sandbox = await startSandboxProcess({ port: 0 });
  delete process.env.INFRALABS_LAMBDA_IDLE_MS;
}, 120_000);
afterAll(async () => sandbox?.stop());

it('retires the environments a flood started and returns to its memory once idle', async () => {
  const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true, maxAttempts: 1 };
  const learner = await testAccount(account, config);
  await learner.createFunction('busy', { 'index.js': 'exports.handler = async () => { const junk = Buffer.alloc(8 * 1024 * 1024, 1); await new Promise((r) => setTimeout(r, 800)); return junk.length; };' });
  await learner.invoke('busy');
  await sleep(2500);
  const baseline = { rss: rssMb(), processes: lambdaProcesses() };
  const lambda = new LambdaClient(config);
  await Promise.all(Array.from({ length: 30 }, () => lambda.send(new InvokeCommand({ FunctionName: 'busy' })).catch(() => undefined)));
  expect(lambdaProcesses()).toBeGreaterThan(baseline.processes);
  expect(lambdaProcesses()).toBeLessThanOrEqual(16 + 2);
  // Idle past 1.5 s (the sweeper looks every 1.5 s): every environment the flood started is gone.
  for (let i = 0; i < 40 && lambdaProcesses() > baseline.processes; i++) await sleep(250);
  expect(lambdaProcesses()).toBeLessThanOrEqual(baseline.processes);
  expect(rssMb() - baseline.rss).toBeLessThan(64);
  expect((await fetch(`${sandbox.endpoint}/_infralabs/health`)).status).toBe(200);
}, 120_000);
