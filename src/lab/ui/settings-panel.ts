// The sandbox address form, the account id form and the progress file buttons.
import { translator } from '../../i18n/ui.ts';
import { account, endpointFrom, resetEndpoint, sandboxMode, setAccount, setEndpoint, setSandboxMode, type SandboxMode } from '../progress/settings.ts';

type T = ReturnType<typeof translator>;

export interface SettingsEvents {
  endpoint: string;
  onEndpointChange: (endpoint: string) => void;
  onAccountChange: (account: string) => void;
  /** The learner chose where the sandbox runs. */
  onModeChange: (mode: SandboxMode) => void;
  announce: (text: string) => void;
}

export interface SettingsPanel {
  /** Shows a sandbox address the page switched to by other means (joining or leaving a class). */
  showEndpoint(endpoint: string): void;
  /** Says in the summary that the sandbox runs in the page (the address field keeps the local one). */
  showInPage(): void;
}

export function wireSettings(root: HTMLElement, t: T, events: SettingsEvents): SettingsPanel {
  const { onAccountChange, announce } = events;
  const showEndpoint = wireEndpoint(root, t, events);
  wireMode(root, events.onModeChange);
  const form = root.querySelector<HTMLFormElement>('[data-account-form]')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const error = form.querySelector<HTMLElement>('[data-account-error]')!;
  input.value = account();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!setAccount(input.value)) {
      error.textContent = t('lab.accountInvalid');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.value = input.value.trim();
    onAccountChange(input.value);
    announce(t('lab.accountSaved', { account: input.value }));
  });

  root.querySelector('[data-export]')?.addEventListener('click', async () => {
    const { exportProgress } = await import('../progress/export-import.ts');
    const file = exportProgress();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    link.download = `infralabs-progress-${file.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  const fileInput = root.querySelector<HTMLInputElement>('[data-import-file]')!;
  root.querySelector('[data-import]')?.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const { importProgress } = await import('../progress/export-import.ts');
    try {
      importProgress(await file.text());
      announce(t('lab.imported'));
      setTimeout(() => location.reload(), 600);
    } catch (reason) {
      announce(t('lab.importInvalid', { message: (reason as Error).message }));
    } finally {
      fileInput.value = '';
    }
  });
  const summary = root.querySelector<HTMLElement>('[data-part="settings-endpoint"]')!;
  return { showEndpoint, showInPage: () => (summary.textContent = `· ${t('lab.settingsSandbox', { endpoint: t('lab.sandboxInPage') })}`) };
}

/** Where the sandbox runs: automatic, the local one, or the one in the page. */
function wireMode(root: HTMLElement, onModeChange: (mode: SandboxMode) => void): void {
  const current = sandboxMode();
  for (const radio of root.querySelectorAll<HTMLInputElement>('[data-mode-form] input[type="radio"]')) {
    radio.checked = radio.value === current;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      setSandboxMode(radio.value as SandboxMode);
      onModeChange(radio.value as SandboxMode);
    });
  }
}

/** The sandbox address: shown in the panel's summary, changed or reset to the default here. */
function wireEndpoint(root: HTMLElement, t: T, { endpoint, onEndpointChange, announce }: SettingsEvents): (endpoint: string) => void {
  const form = root.querySelector<HTMLFormElement>('[data-endpoint-form]')!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const error = form.querySelector<HTMLElement>('[data-endpoint-error]')!;
  const summary = root.querySelector<HTMLElement>('[data-part="settings-endpoint"]')!;
  const show = (value: string) => {
    input.value = value;
    summary.textContent = `· ${t('lab.settingsSandbox', { endpoint: value })}`;
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  };
  const changed = (value: string) => {
    show(value);
    onEndpointChange(value);
    announce(t('lab.endpointSaved', { endpoint: value }));
  };
  show(endpoint);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = endpointFrom(input.value);
    if (!value || !setEndpoint(value)) {
      error.textContent = t('lab.endpointInvalid');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    changed(value);
  });
  form.querySelector('[data-endpoint-reset]')!.addEventListener('click', () => changed(resetEndpoint()));
  return show;
}
