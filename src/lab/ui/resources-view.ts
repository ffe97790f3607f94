// The learner's resources in the lab's services, grouped by kind: what this lab asks for first
// (its names, e.g. web-1, web-sg), then what other labs left in the same services.
import type { ResourceGroup } from '../worker/resources.ts';
import { el } from './dom.ts';

/** Whether a listed item is one of the lab's own: a part equal to one of its names, or a bucket with its prefix. */
const mentions = (item: string, names: string[]) =>
  item.split(/ · |\//).some((part) => names.some((name) => (name.endsWith('-') ? part.startsWith(name) : part === name)));

export function renderResources(host: HTMLElement, groups: ResourceGroup[], emptyText: string, labNames: string[]): void {
  const filled = groups.filter((group) => group.items.length > 0 || group.error);
  if (filled.length === 0) {
    host.replaceChildren(el('p', { class: 'il-muted' }, emptyText));
    return;
  }
  const own = (group: ResourceGroup) => group.items.filter((item) => mentions(item, labNames));
  const ordered = [...filled].sort((a, b) => Number(own(b).length > 0) - Number(own(a).length > 0));
  host.replaceChildren(
    ...ordered.map((group) => {
      const mine = own(group);
      const items = [...mine, ...group.items.filter((item) => !mine.includes(item))];
      return el(
        'div',
        { class: 'il-resource-group' },
        el('h4', {}, group.kind),
        group.error ? el('p', { class: 'il-line-error' }, group.error) : el('ul', {}, ...items.map((item) => el('li', mine.includes(item) ? { class: 'il-own' } : {}, el('code', {}, item)))),
      );
    }),
  );
}
