// The sandbox's own HTTP routes that the grader and CLI use: health (is it there?) and reset.
// Browser-safe (fetch only).

export class SandboxUnreachableError extends Error {
  constructor(readonly endpoint: string, detail?: string) {
    super(`Cannot reach the sandbox at ${endpoint}${detail ? ` (${detail})` : ''}: start it with \`npm start\` or \`npx infralabs sandbox\`.`);
  }
}

/** Throws SandboxUnreachableError unless the gateway answers its health route. */
export async function assertSandboxReachable(endpoint: string, timeoutMs = 15_000): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/+$/, '')}/_infralabs/health`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new SandboxUnreachableError(endpoint, timedOut ? `no answer within ${timeoutMs / 1000} s; it may be overloaded` : undefined);
  }
  if (response.status === 503) throw new SandboxUnreachableError(endpoint, 'its backend is not ready yet; wait a moment');
  if (!response.ok) throw new SandboxUnreachableError(endpoint, `it answered HTTP ${response.status}; is this an Infra Labs sandbox?`);
  await response.body?.cancel();
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
