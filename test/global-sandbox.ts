// Starts the real sandbox once for the test run and hands its endpoint to every test file.
import type { TestProject } from 'vitest/node';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox.ts';

let sandbox: RunningSandbox | undefined;

export async function setup(project: TestProject) {
  sandbox = await startSandbox({ port: 0, log: (line) => console.log(`[sandbox] ${line}`) });
  project.provide('endpoint', sandbox.endpoint);
}

export async function teardown() {
  await sandbox?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    endpoint: string;
  }
}
