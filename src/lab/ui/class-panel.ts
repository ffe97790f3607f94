// Joining a class and signing out: the join form in the settings, a link's `#join=<code>`, and the
// badge that shows whose account the page works in while a student is in a class.
import type { translator } from '../../i18n/ui.ts';
import { classSession, joinClass, joinCodeInLink, signOut, type ClassSession } from '../progress/class-session.ts';
import { account, joinEndpoint } from '../progress/settings.ts';

type T = ReturnType<typeof translator>;

export interface ClassEvents {
  /** The sandbox to ask for the key: the page's sandbox address (a join link sets it with ?sandbox=). */
  endpoint: () => string;
  /** A class was joined or left: the account, sandbox and key the page uses changed. */
  onChange: () => void;
  announce: (text: string) => void;
}

export interface ClassPanel {
  /** Joins with the code of a `#join=` link, if the page was opened with one. */
  joinFromLink(): Promise<void>;
}

export function wireClass(root: HTMLElement, t: T, events: ClassEvents): ClassPanel {
  const badge = root.querySelector<HTMLElement>('[data-part="class-badge"]')!;
  const who = badge.querySelector<HTMLElement>('[data-part="class-who"]')!;
  const form = root.querySelector<HTMLFormElement>('[data-class-form]')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const error = form.querySelector<HTMLElement>('[data-class-error]')!;
  const accountInput = root.querySelector<HTMLInputElement>('[data-account-form] input');
  const endpointControls = [...root.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[data-endpoint-form] input, [data-endpoint-form] button')];
  const accountHelp = root.querySelector<HTMLElement>('[data-account-help]');
  const ownHelp = accountHelp?.textContent ?? '';

  const describe = (session: ClassSession) =>
    session.student ? t('lab.classBadge', { student: session.student, account: session.account }) : t('lab.classBadgeNoName', { account: session.account });

  const show = () => {
    const session = classSession();
    badge.hidden = !session;
    who.textContent = session ? describe(session) : '';
    // The class's account and sandbox cannot be changed from here; the learner's own comes back on sign-out.
    if (accountInput) {
      accountInput.disabled = !!session;
      accountInput.value = account();
    }
    for (const control of endpointControls) control.disabled = !!session;
    if (accountHelp) accountHelp.textContent = session ? accountHelp.dataset.locked ?? ownHelp : ownHelp;
  };

  const join = async (code: string): Promise<boolean> => {
    const endpoint = joinEndpoint(events.endpoint());
    try {
      const session = await joinClass(endpoint, code.trim(), t('lab.classUnreachable', { endpoint }));
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.value = '';
      show();
      events.onChange();
      events.announce(t('lab.classJoined', { student: session.student || session.account, account: session.account }));
      return true;
    } catch (reason) {
      error.textContent = (reason as Error).message;
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void join(input.value).then((joined) => {
      if (!joined) input.focus();
    });
  });
  badge.querySelector('[data-part="class-signout"]')!.addEventListener('click', () => {
    signOut();
    show();
    events.onChange();
    events.announce(t('lab.classSignedOut', { account: account() }));
  });
  show();

  return {
    async joinFromLink() {
      const code = joinCodeInLink(location.hash);
      if (!code) return;
      // The code leaves the address bar (and the history entry) at once: a screenshot or a shared
      // link must not carry it on.
      const url = new URL(location.href);
      url.hash = '';
      history.replaceState(history.state, '', url);
      if (await join(code)) return;
      // Why the link did not work, where the learner can fix it.
      input.value = code;
      const settings = form.closest('details');
      if (settings) settings.open = true;
    },
  };
}
