// A student's join code: ten characters a student can type from a printed sheet, derived from
// their roster secret, so the roster needs no new column and the teacher can print it again.
// 50 random-looking bits: guessing one over HTTP would take thousands of years, so the join route
// needs no throttle (which a classmate could otherwise use to keep others out). Node only (its
// HMAC is synchronous): the host builds a class's credentials with it; the join route reads typed
// codes with join-code-input.ts.
import { createHmac } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so nothing is misread from paper. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `ABCDE-FGHJK` for a secret; the same secret always gives the same code. */
export function joinCode(secret: string): string {
  const mac = createHmac('sha256', secret).update('infralabs join code').digest();
  // 10 characters of 5 bits each: the first 50 bits of the HMAC.
  let bits = 0n;
  for (const byte of mac.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n;
  let code = '';
  for (let i = 9; i >= 0; i--) code += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
