// The account id form and the progress file buttons.
import { translator } from '../../i18n/ui.ts';
import { account, setAccount } from '../progress/settings.ts';

type T = ReturnType<typeof translator>;

export function wireSettings(root: HTMLElement, t: T, onAccountChange: (account: string) => void, announce: (text: string) => void): void {
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
}
