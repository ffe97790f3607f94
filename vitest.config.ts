import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One sandbox (moto + gateway) for the whole run, on free ports; each test file uses its own account.
    globalSetup: ['test/global-sandbox.ts'],
    include: ['{sandbox,grader,labs,policy,src,scripts,test}/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
