// The output panel. Lines arrive from the worker as fast as learner code prints them; they are
// drawn once per frame and the oldest are dropped past a limit, so a flood never freezes the page.
import { el } from './dom.ts';

const maxLines = 1000;

/** Web addresses in a line become links (the website a lab builds, for one), opened in a new tab;
 *  `linkTo` says where each should go (website-link.ts). */
function withLinks(text: string, linkTo: (href: string) => string): (Node | string)[] {
  return text.split(/(https?:\/\/[^\s'"`<>)]+)/).map((part, index) => (index % 2 === 1 ? el('a', { href: linkTo(part), target: '_blank', rel: 'noopener' }, part) : part));
}
export type LineKind = 'log' | 'info' | 'warn' | 'error' | 'status' | 'ok';

export class ConsoleView {
  private queue: HTMLElement[] = [];
  private scheduled = false;

  private readonly host: HTMLElement;
  private readonly emptyText: string;

  private readonly linkTo: (href: string) => string;

  constructor(host: HTMLElement, emptyText: string, linkTo: (href: string) => string = (href) => href) {
    this.host = host;
    this.emptyText = emptyText;
    this.linkTo = linkTo;
    this.clear();
  }

  append(kind: LineKind, text: string): void {
    this.queue.push(el('div', { class: `il-line il-line-${kind}` }, ...withLinks(text, this.linkTo)));
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.flush());
  }

  /** Takes away "Running…" once the run has ended: the last line then says how it ended. */
  removeStatus(): void {
    this.queue = this.queue.filter((line) => !line.classList.contains('il-line-status'));
    for (const line of this.host.querySelectorAll('.il-line-status')) line.remove();
  }

  clear(): void {
    this.queue = [];
    this.host.replaceChildren(el('div', { class: 'il-line il-line-empty' }, this.emptyText));
  }

  /** Draws what is queued now (a finished run is counted only once its last line is on screen). */
  flush(): void {
    this.scheduled = false;
    this.host.querySelector('.il-line-empty')?.remove();
    this.host.append(...this.queue.splice(0, this.queue.length));
    while (this.host.childElementCount > maxLines) this.host.firstElementChild?.remove();
    this.host.scrollTop = this.host.scrollHeight;
  }
}
