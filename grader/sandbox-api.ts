// The sandbox's own HTTP routes that the grader and CLI use: health (is it there?) and reset.
// Browser-safe (fetch, and smithy's signer for a class).
import type { AccessKey } from '../sandbox/signed-post.ts';

/** The secret signed with when none is given: a sandbox without a roster accepts any (a class
 *  sandbox verifies each against the roster). */
export const anySecret = 'infralabs';

export class SandboxUnreachableError extends Error {
  readonly endpoint: string;

  constructor(endpoint: string, detail?: string) {
    super(`Cannot reach the sandbox at ${endpoint}${detail ? ` (${detail})` : ''}: start it with \`npm start\` or \`npx infralabs sandbox\`.`);
    this.endpoint = endpoint;
  }
}

/**
 * Throws SandboxUnreachableError when nothing answers at the endpoint (connection refused, DNS).
 * Any answer counts as reachable, even a slow one or a 503 (moto busy on a loaded machine, or an
 * endpoint without our health route): the work that follows has its own time limits and says
 * "could not check" when the backend really is down.
 */
export async function assertSandboxReachable(endpoint: string, timeoutMs = 5_000): Promise<void> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/_infralabs/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return;
    throw new SandboxUnreachableError(endpoint);
  }
}

export type ResetTarget = { account: string } | { all: true };

/** Empties one account, or the whole sandbox. Throws with the sandbox's own one-line reason. */
export async function resetSandbox(endpoint: string, target: ResetTarget, key?: AccessKey): Promise<void> {
  const url = `${endpoint.replace(/\/+$/, '')}/_infralabs/reset`;
  const request = { headers: { 'content-type': 'application/json' }, body: JSON.stringify(target) };
  let response: Response;
  try {
    // Signed when a key is given: a class sandbox lets a student reset only their own account.
    if (key) {
      const { signedPost } = await import('../sandbox/signed-post.ts');
      response = await signedPost(url, key, { service: 'infralabs', ...request });
    } else response = await fetch(url, { method: 'POST', ...request });
  } catch {
    throw new SandboxUnreachableError(endpoint);
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(answer.error ?? `The sandbox refused the reset (HTTP ${response.status}).`);
  }
  await response.body?.cancel();
}
