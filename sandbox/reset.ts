// `infralabs reset --account <id>` / `--all`: asks a running sandbox to empty one account or all.
// Plain fetch, so the CLI (and anything else) can call it without the gateway's code.
import type { ResetTarget } from './backend.ts';
import { SandboxError } from './paths.ts';

export type { ResetTarget };

export interface ResetResult {
  reset: ResetTarget;
  /** How long the backend took. */
  ms: number;
}

export async function resetSandbox(endpoint: string, target: ResetTarget): Promise<ResetResult> {
  if ('account' in target && !/^\d{12}$/.test(target.account)) {
    throw new SandboxError(`"${target.account}" is not an account id: give the 12 digits of the access key id, e.g. --account 000000000042.`);
  }
  let response: Response;
  try {
    response = await fetch(`${endpoint.replace(/\/$/, '')}/_infralabs/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(target),
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    throw new SandboxError(`No sandbox answers at ${endpoint}: start it with \`npx infralabs sandbox\` (or pass the right --endpoint).`);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string; reset?: ResetTarget; ms?: number };
  if (!response.ok) throw new SandboxError(body.error ?? `The sandbox at ${endpoint} refused the reset (HTTP ${response.status}).`);
  return { reset: body.reset ?? target, ms: body.ms ?? 0 };
}
