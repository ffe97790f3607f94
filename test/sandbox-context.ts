// What a test file needs to talk to the shared test sandbox as a fresh learner.
import { inject } from 'vitest';
import { randomAccount } from '../grader/random-account.ts';

/** The gateway URL of the sandbox the test run started. */
export function testEndpoint(): string {
  return inject('endpoint');
}

/** The port this test worker serves browser pages on: the test sandbox allows its origins
 *  (http://127.0.0.1:<port> and http://localhost:<port>) and no other but the site's. */
export function testSitePort(): number {
  const ports = inject('sitePorts');
  return ports[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % ports.length]!;
}

/** A random 12-digit account id, so that test files never share state. */
export const freshAccount = randomAccount;

/** SDK v3 client configuration for an account of the test sandbox. */
export function clientConfig(account = freshAccount()) {
  return {
    endpoint: testEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: 'infralabs' },
    forcePathStyle: true,
  };
}
