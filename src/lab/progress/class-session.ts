// A student of a class: the key a class sandbox handed over for their join code, kept in this
// browser until they sign out. While it is kept, every lab page works in that account on that
// sandbox and signs its calls with the key; signing out brings back the learner's own account and
// sandbox, which were never overwritten.
import { readJson, removeKey, writeJson } from './storage.ts';

export interface ClassSession {
  /** The name on the roster (may be empty). */
  student: string;
  account: string;
  secret: string;
  /** The class sandbox, without a trailing slash. */
  endpoint: string;
}

const key = 'class';

export function classSession(): ClassSession | undefined {
  const saved = readJson<Partial<ClassSession>>(key);
  if (!saved || typeof saved.account !== 'string' || !/^\d{12}$/.test(saved.account)) return undefined;
  if (typeof saved.secret !== 'string' || typeof saved.endpoint !== 'string') return undefined;
  return { student: typeof saved.student === 'string' ? saved.student : '', account: saved.account, secret: saved.secret, endpoint: saved.endpoint };
}

export function signOut(): void {
  removeKey(key);
}

/** Why a join failed, in one line for the learner. */
export class JoinError extends Error {}

/** Asks the class sandbox at `endpoint` for the key of this join code and keeps it. The sandbox's
 *  own message (no such code, not a class sandbox) is passed on; an unreachable one is `unreachable`. */
export async function joinClass(endpoint: string, code: string, unreachable: string): Promise<ClassSession> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/_infralabs/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new JoinError(unreachable);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<ClassSession> & { error?: string };
  if (!response.ok || typeof body.account !== 'string' || typeof body.secret !== 'string') {
    throw new JoinError(body.error ?? unreachable);
  }
  const session: ClassSession = { student: body.student ?? '', account: body.account, secret: body.secret, endpoint };
  writeJson(key, session);
  return session;
}

/** The join code of a link's `#join=ABCDE-FGHJK`, if any. */
export function joinCodeInLink(hash: string): string | undefined {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('join')?.trim();
  return code || undefined;
}
