// Is the sandbox there? Asked on page load and before each Run and Check, so a stopped sandbox
// is reported in one line instead of a cascade of network errors.
import { assertSandboxReachable } from '../../../grader/sandbox-api.ts';
import type { translator } from '../../i18n/ui.ts';
import { defaultEndpoint, defaultSiteOrigins } from '../progress/settings.ts';

export async function sandboxReachable(endpoint: string): Promise<boolean> {
  try {
    await assertSandboxReachable(endpoint, 2_000);
    return true;
  } catch {
    return false;
  }
}

/** Empties the learner's account, signed with their key (a class sandbox lets a student reset
 *  only their own account, and checks that it is). */
export async function resetAccount(endpoint: string, account: string, secret: string): Promise<void> {
  const { resetSandbox } = await import('../../../grader/sandbox-api.ts');
  await resetSandbox(endpoint, { account }, { accessKeyId: account, secret });
}

/**
 * The banner's text: the address tried, and both reasons a browser cannot tell apart (the sandbox
 * is down, or it refuses this page's origin: CORS failures look like network failures), with how
 * to start a sandbox that allows this page (`--allow-origin` unless the page is a site `npm start`
 * or `npm run dev` serves, which the sandbox allows by default).
 */
export function unreachableMessage(t: ReturnType<typeof translator>, endpoint: string, origin: string): string {
  const parts = [t('lab.sandboxDown', { endpoint, origin })];
  parts.push(defaultSiteOrigins.includes(origin) ? t('lab.sandboxStartDefault') : t('lab.sandboxStartOrigin', { origin }));
  if (endpoint !== defaultEndpoint) parts.push(t('lab.sandboxOtherAddress'));
  return parts.join(' ');
}
