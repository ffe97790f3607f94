// Is the sandbox there? Asked on page load and before each Run and Check, so a stopped sandbox
// is reported in one line instead of a cascade of network errors.
import { assertSandboxReachable } from '../../../grader/sandbox-api.ts';

export async function sandboxReachable(endpoint: string): Promise<boolean> {
  try {
    await assertSandboxReachable(endpoint, 2_000);
    return true;
  } catch {
    return false;
  }
}

export async function resetAccount(endpoint: string, account: string): Promise<void> {
  const { resetSandbox } = await import('../../../grader/sandbox-api.ts');
  await resetSandbox(endpoint, { account });
}
