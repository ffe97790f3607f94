// The learner's resources in the lab's services, grouped by kind.
import type { ResourceGroup } from '../worker/resources.ts';
import { el } from './dom.ts';

export function renderResources(host: HTMLElement, groups: ResourceGroup[], emptyText: string): void {
  const filled = groups.filter((group) => group.items.length > 0 || group.error);
  if (filled.length === 0) {
    host.replaceChildren(el('p', { class: 'il-muted' }, emptyText));
    return;
  }
  host.replaceChildren(
    ...filled.map((group) =>
      el(
        'div',
        { class: 'il-resource-group' },
        el('h4', {}, `${group.service} · ${group.kind}`),
        group.error ? el('p', { class: 'il-line-error' }, group.error) : el('ul', {}, ...group.items.map((item) => el('li', {}, el('code', {}, item)))),
      ),
    ),
  );
}
