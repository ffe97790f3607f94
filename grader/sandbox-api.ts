// The sandbox's own HTTP routes that the grader and CLI use: health (is it there?) and reset.
// Browser-safe (fetch only).

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
export async function resetSandbox(endpoint: string, target: ResetTarget): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, '')}/_infralabs/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(target),
    });
  } catch {
    throw new SandboxUnreachableError(endpoint);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The sandbox refused the reset (HTTP ${response.status}).`);
  }
  await response.body?.cancel();
}
