// A join code as a student types it (join-codes.ts makes them), read without Node's crypto so that
// the join route (handlers/serve-join.ts) runs in any host.

/** A code as typed (any case, spaces or dashes, O for 0, I or L for 1), or undefined when it
 *  cannot be one: ten characters of join-codes.ts's alphabet (Crockford's base32). */
export function normalizeJoinCode(typed: string): string | undefined {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(clean)) return undefined;
  return `${clean.slice(0, 5)}-${clean.slice(5)}`;
}
