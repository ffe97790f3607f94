// POST /_infralabs/reset {"account":"<12 digits>"} or {"all":true}: empties one account (every
// service, and its bucket names) or the whole sandbox. Used by `infralabs reset` and tests.
import type { ResetTarget } from '../../backend.ts';
import type { GatewayResponse, RequestHandler } from '../types.ts';
import { textOf } from '../bytes.ts';
import type { Credentials } from '../credentials.ts';

function answer(status: number, body: object): GatewayResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function parseResetTarget(text: string): ResetTarget | string {
  let body: unknown;
  try {
    body = JSON.parse(text || '{}');
  } catch {
    return 'The body is not JSON: send {"account":"<12 digits>"} or {"all":true}.';
  }
  const { account, all } = (body ?? {}) as { account?: unknown; all?: unknown };
  if (all === true) return { all: true };
  if (typeof account === 'string' && /^\d{12}$/.test(account)) return { account };
  return 'Say what to reset: {"account":"<12 digits>"} or {"all":true}.';
}

/** In a class, a reset is signed like any AWS call: a student may empty their own account, only
 *  the teacher another's or everything. Undefined when allowed, else why not, with a code that
 *  tells a bad key (the signature's failure) from a good key asking too much (AccessDenied). */
async function refusal(exchange: Parameters<RequestHandler>[0], credentials: Credentials, target: ResetTarget): Promise<{ code: string; error: string } | undefined> {
  const { verifySignature } = await import('../signatures.ts');
  const verdict = await verifySignature(exchange.request, credentials.secretOf);
  if (!verdict.ok) return { code: verdict.code, error: `${verdict.code}: ${verdict.message}` };
  if (verdict.accessKeyId === credentials.teacher) return undefined;
  if ('account' in target && target.account === verdict.accessKeyId) return undefined;
  return { code: 'AccessDenied', error: 'all' in target ? 'Only the teacher may reset the whole sandbox.' : `You may reset only your own account (${verdict.accessKeyId}).` };
}

export const serveReset: RequestHandler = async (exchange, { backend, credentials, lambda }) => {
  const { method, path, body } = exchange.request;
  if (path !== '/_infralabs/reset') return undefined;
  if (method !== 'POST') return answer(405, { error: 'Use POST /_infralabs/reset with {"account":"<12 digits>"} or {"all":true}.' });
  const target = parseResetTarget(textOf(body));
  if (typeof target === 'string') return answer(400, { error: target });
  if (credentials) {
    const refused = await refusal(exchange, credentials, target);
    if (refused) return answer(403, refused);
  }
  const started = Date.now();
  let done: boolean;
  try {
    done = await backend.reset(target);
  } catch (error) {
    return answer(500, { error: `The sandbox could not reset ${'all' in target ? 'everything' : `account ${target.account}`}: ${error instanceof Error ? error.message : String(error)}. Try again; if it persists, restart the sandbox.` });
  }
  if (!done) {
    return answer(501, { error: `This backend (${backend.kind} at ${backend.url()}) cannot be reset by Infra Labs: use its own reset (LocalStack: POST /_localstack/state/reset), or restart it.` });
  }
  // Lambda's cached function configurations of the account are stale now.
  lambda?.functionsChanging('account' in target ? target.account : undefined);
  return answer(200, { reset: target, ms: Date.now() - started });
};
