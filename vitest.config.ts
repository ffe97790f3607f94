import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One sandbox (moto + gateway) for the whole run, on free ports; each test file uses its own account.
    // And the in-page sandbox's files (public/page-sandbox/), part of the built site, made once
    // before any test file builds the site.
    globalSetup: ['test/global-sandbox.ts', 'test/global-page-sandbox.ts'],
    include: ['{sandbox,grader,labs,policy,src,scripts,test}/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
