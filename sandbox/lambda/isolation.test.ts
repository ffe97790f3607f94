// Each function runs in its own process: limited in time and memory, reused while warm,
// retired when its code or configuration changes, and a crash fails one invocation only.
import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { freshAccount } from '../../test/sandbox-context.ts';
import { testAccount, zipOf, type TestAccount } from './test-functions.ts';

let t: TestAccount;
beforeAll(async () => { t = await testAccount(freshAccount()); });

const stateful = (label: string) => `let count = 0; exports.handler = async () => ({ label: ${JSON.stringify(label)}, pid: process.pid, count: ++count, cwd: process.cwd() });`;

describe('execution environments', () => {
  it('stops an endless loop at the function timeout, and the next invocation runs in a fresh process', async () => {
    await t.createFunction('endless', { 'index.js': 'exports.handler = async (event) => { if (event.loop) for (;;) {} return process.pid; };' }, { Timeout: 1 });
    const before = await t.invoke('endless', {});
    const started = Date.now();
    const out = await t.invoke('endless', { loop: true });
    const elapsed = Date.now() - started;
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.result).toMatchObject({ errorType: 'Sandbox.Timedout' });
    expect((out.result as { errorMessage: string }).errorMessage).toMatch(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(5000);
    const after = await t.invoke('endless', {});
    expect(after.FunctionError).toBeUndefined();
    expect(after.result).not.toBe(before.result);
  });

  it('kills a handler that allocates past its memory size, on the heap or off it (Buffers, ArrayBuffers)', async () => {
    await t.createFunction('hungry', {
      'index.js': `exports.handler = async (event) => {
        const hoard = [];
        if (event.offHeap) { for (let i = 0; i < 40; i++) hoard.push(Buffer.alloc(16 * 1024 * 1024, 1)); }
        else if (event.arrayBuffers) { for (let i = 0; i < 40; i++) { hoard.push(new Uint8Array(16 * 1024 * 1024).fill(1)); await new Promise((r) => setImmediate(r)); } }
        else { for (;;) hoard.push(new Array(100000).fill({ x: Math.random() })); }
        return hoard.length;
      };`,
    }, { MemorySize: 128, Timeout: 30 });
    for (const event of [{}, { offHeap: true }, { arrayBuffers: true }]) {
      const out = await t.invoke("hungry", event);
      expect(out.FunctionError).toBe('Unhandled');
      expect(out.result, JSON.stringify(out.result)).toMatchObject({ errorType: "Runtime.OutOfMemory" });
    }
  });

  it('fails only the invocation whose handler crashes its process', async () => {
    await t.createFunction('crasher', { 'index.js': `exports.handler = async (event) => {
      if (event.crash) process.exit(3);
      if (event.reject) { Promise.reject(new Error('nobody waits')); await new Promise((resolve) => setTimeout(resolve, 1000)); }
      return "fine";
    };` });
    await t.createFunction('bystander', { 'index.js': 'exports.handler = async () => new Promise((resolve) => setTimeout(() => resolve("still here"), 300));' });
    const [crashed, bystander] = await Promise.all([t.invoke('crasher', { crash: true }), t.invoke('bystander')]);
    expect(crashed.FunctionError).toBe('Unhandled');
    expect(crashed.result).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect((crashed.result as { errorMessage: string }).errorMessage).toContain('Runtime exited with error: exit status 3');
    expect(bystander.result).toBe('still here');
    expect((await t.invoke('crasher', {})).result).toBe('fine');
    const rejected = await t.invoke('crasher', { reject: true });
    expect(rejected.result).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody waits' });
    expect((await t.invoke('crasher', {})).result).toBe('fine');
  });

  it('reuses a warm process for the same version, in a working directory of its own', async () => {
    await t.createFunction('warm', { 'index.js': stateful('v1') });
    await t.createFunction('neighbour', { 'index.js': stateful('n') });
    const first = (await t.invoke('warm')).result as { pid: number; count: number; cwd: string };
    const second = (await t.invoke('warm')).result as { pid: number; count: number; cwd: string };
    expect(second.pid).toBe(first.pid);
    expect(second.count).toBe(first.count + 1);
    const neighbour = (await t.invoke('neighbour')).result as { pid: number; cwd: string };
    expect(neighbour.pid).not.toBe(first.pid);
    expect(neighbour.cwd).not.toBe(first.cwd);
    expect(first.cwd).not.toBe(process.cwd());
  });

  it('runs concurrent invocations of one function in separate processes', async () => {
    await t.createFunction('parallel', { 'index.js': 'exports.handler = async () => new Promise((resolve) => setTimeout(() => resolve(process.pid), 300));' });
    const [a, b] = await Promise.all([t.invoke('parallel'), t.invoke('parallel')]);
    expect(a.result).not.toBe(b.result);
  });

  it('retires the warm process when the code or the configuration changes', async () => {
    await t.createFunction('changing', { 'index.js': stateful('v1') });
    const before = (await t.invoke('changing')).result as { pid: number; label: string };
    await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'changing', ZipFile: zipOf({ 'index.js': stateful('v2') }) }));
    const afterCode = (await t.invoke('changing')).result as { pid: number; label: string; count: number };
    expect(afterCode.label).toBe('v2');
    expect(afterCode.count).toBe(1);
    expect(afterCode.pid).not.toBe(before.pid);
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'changing', Environment: { Variables: { MODE: 'new' } } }));
    const afterConfig = (await t.invoke('changing')).result as { pid: number; count: number };
    expect(afterConfig.pid).not.toBe(afterCode.pid);
    expect(afterConfig.count).toBe(1);
  });
});
