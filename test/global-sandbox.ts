// Starts the real sandbox once for the test run and hands its endpoint to every test file.
// Browser tests serve pages from ports chosen here, the only other origins this sandbox allows
// (as `--allow-origin` would): each test worker has its own, so files running at once never clash.
import type { TestProject } from 'vitest/node';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox.ts';
import { freePort } from '../sandbox/free-port.ts';
import { ensureVenv } from '../sandbox/venv.ts';
import { ministack } from '../sandbox/backends/emulators.ts';

let sandbox: RunningSandbox | undefined;

export async function setup(project: TestProject) {
  const sitePorts: number[] = [];
  while (sitePorts.length < 4) {
    const port = await freePort();
    if (!sitePorts.includes(port)) sitePorts.push(port);
  }
  const allowOrigins = sitePorts.flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  sandbox = await startSandbox({ port: 0, allowOrigins, log: (line) => console.log(`[sandbox] ${line}`) });
  // MiniStack's virtualenv, once here rather than in each file that starts one (installs at once
  // would clash): about 20 s the first time, a file comparison after.
  ensureVenv((line) => console.log(`[sandbox] ${line}`), ministack.venv);
  project.provide('endpoint', sandbox.endpoint);
  project.provide('sitePorts', sitePorts);
}

export async function teardown() {
  await sandbox?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    endpoint: string;
    sitePorts: number[];
  }
}
