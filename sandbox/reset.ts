// `infralabs reset --account <id>` / `--all`: asks a running sandbox to empty one account or all.
// Plain fetch, so the CLI (and anything else) can call it without the gateway's code; in a class,
// signed with a roster key (a student's resets their own account, the teacher's any or all).
import type { ResetTarget } from './backend.ts';
import { SandboxError } from './paths.ts';
import type { AccessKey } from './signed-post.ts';

export type { AccessKey, ResetTarget };

/** A class sandbox refused the reset (HTTP 403): the message is the sandbox's reason. */
export class ResetRefusedError extends SandboxError {
  /** The signature's failure (SignatureDoesNotMatch, InvalidClientTokenId, ...) or AccessDenied. */
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

export interface ResetResult {
  reset: ResetTarget;
  /** How long the backend took. */
  ms: number;
}

/** Signs the request with `key` when given (a class sandbox refuses an unsigned reset). */
export async function resetSandbox(endpoint: string, target: ResetTarget, key?: AccessKey): Promise<ResetResult> {
  if ('account' in target && !/^\d{12}$/.test(target.account)) {
    throw new SandboxError(`"${target.account}" is not an account id: give the 12 digits of the access key id, e.g. --account 000000000042.`);
  }
  const url = `${endpoint.replace(/\/$/, '')}/_infralabs/reset`;
  const request = { headers: { 'content-type': 'application/json' }, body: JSON.stringify(target), signal: AbortSignal.timeout(120_000) };
  let response: Response;
  try {
    if (key) {
      const { signedPost } = await import('./signed-post.ts');
      response = await signedPost(url, key, { service: 'infralabs', ...request });
    } else response = await fetch(url, { method: 'POST', ...request });
  } catch {
    throw new SandboxError(`No sandbox answers at ${endpoint}: start it with \`npx infralabs sandbox\` (or pass the right --endpoint).`);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string; code?: string; reset?: ResetTarget; ms?: number };
  if (response.status === 403) throw new ResetRefusedError(body.error ?? `The sandbox at ${endpoint} refused the reset (HTTP 403).`, body.code ?? 'AccessDenied');
  if (!response.ok) throw new SandboxError(body.error ?? `The sandbox at ${endpoint} refused the reset (HTTP ${response.status}).`);
  return { reset: body.reset ?? target, ms: body.ms ?? 0 };
}
