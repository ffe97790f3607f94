// Whose key the CLI signs with. In a class sandbox every call must carry a roster key's signature:
// a student's (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as the SDK reads them) or, with
// --roster, the teacher's. A key the sandbox refuses is said in one line with the fix, before any
// work starts, rather than as a failure in every check or a script's first call.
import { anySecret, assertSandboxReachable } from '../sandbox-api.ts';
import type { AccessKey } from '../../sandbox/signed-post.ts';
import { UsageError } from './errors.ts';
import type { GlobalOptions } from './options.ts';

/** The codes a sandbox answers a key or signature it does not accept with. */
const keyCodes = new Set(['MissingAuthenticationToken', 'IncompleteSignature', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'RequestExpired']);
export const isKeyCode = (code: string) => keyCodes.has(code);

/** The key of the account the command acts in. */
export const accountKey = (global: GlobalOptions, account = global.account): AccessKey => ({ accessKeyId: account, secret: global.secret ?? anySecret });

/** What a student changes when the sandbox refuses their key. */
export function studentKeyFix(code: string, account: string): string {
  if (code === 'InvalidClientTokenId') return `the class has no account ${account}: set AWS_ACCESS_KEY_ID (or --account) to the account on your roster row`;
  if (code === 'RequestExpired') return "set this machine's clock right (a signature carries the time)";
  return `set AWS_SECRET_ACCESS_KEY to your roster secret, the one given with account ${account}`;
}

const xmlText = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Throws a one-line UsageError when the sandbox at `endpoint` refuses `key`; any other answer
 *  (a sandbox without a roster, a backend without STS) lets the command go on. */
export async function assertKeyAccepted(endpoint: string, key: AccessKey): Promise<void> {
  const { signedPost } = await import('../../sandbox/signed-post.ts');
  let response: Response;
  try {
    // STS GetCallerIdentity: the one AWS call that needs no permission and changes nothing.
    response = await signedPost(`${endpoint}/`, key, {
      service: 'sts',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return; // Unreachable or slow: said by the work that follows.
  }
  const text = response.status === 403 ? await response.text() : (await response.body?.cancel(), '');
  const code = response.headers.get('x-amzn-errortype') ?? /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
  if (!isKeyCode(code)) return;
  const message = xmlText(/<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '').replace(/\.?$/, '');
  throw new UsageError(`${code}: ${message}: the sandbox at ${endpoint} is a class; ${studentKeyFix(code, key.accessKeyId)}.`);
}

/** Before setup, run or grade: the sandbox answers, and takes the account's key. */
export async function assertSandboxAccepts(global: GlobalOptions): Promise<void> {
  await assertSandboxReachable(global.endpoint);
  await assertKeyAccepted(global.endpoint, accountKey(global));
}
