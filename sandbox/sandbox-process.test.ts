// The sandbox runs in a process of its own; it must not outlive the process that started it, or
// a killed CLI would leave port 4566 (and moto) taken.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';

it('stops when the process that started it is killed', async () => {
  const starter = new URL('./sandbox-process.ts', import.meta.url).href;
  const script = `
    const { startSandboxProcess } = await import(${JSON.stringify(starter)});
    const sandbox = await startSandboxProcess({ port: 0 });
    process.stdout.write(sandbox.endpoint + '\\n');
    setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(parent.stdout!, 'data') as [Buffer];
  const endpoint = line.toString().trim();
  expect((await fetch(`${endpoint}/_infralabs/health`)).status).toBe(200);
  parent.kill('SIGKILL');
  const deadline = Date.now() + 30_000;
  let stopped = false;
  while (!stopped && Date.now() < deadline) {
    stopped = await fetch(`${endpoint}/_infralabs/health`).then(() => false, () => true);
    if (!stopped) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(stopped).toBe(true);
}, 90_000);
