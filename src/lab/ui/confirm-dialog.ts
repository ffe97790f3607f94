// A confirmation in the page's own look and language (the browser's confirm() speaks the browser's
// language, looks like a security warning and blocks the page): a modal <dialog>, Escape cancels,
// focus starts on Cancel so Enter alone never destroys work.
import { el } from './dom.ts';

let counter = 0;

export function askConfirm(text: string, confirmLabel: string, cancelLabel: string): Promise<boolean> {
  const id = `il-confirm-${++counter}`;
  const cancel = el('button', { type: 'submit', value: 'cancel', class: 'il-button il-small', 'data-part': 'confirm-cancel' }, cancelLabel);
  const dialog = el(
    'dialog',
    { class: 'il-dialog', 'aria-labelledby': id },
    el('p', { id }, text),
    el('form', { method: 'dialog', class: 'il-dialog-buttons' }, cancel, el('button', { type: 'submit', value: 'ok', class: 'il-button il-small il-primary', 'data-part': 'confirm-ok' }, confirmLabel)),
  );
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    }, { once: true });
  });
}
