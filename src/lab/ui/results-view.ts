// The check results: the score first, with buttons that jump between failures (or a celebration
// when everything passed); then each step with its checks, the message and the hint. Steps that
// passed are folded to one line, so the first failure sits right under the score.
import type { GradeReport } from '../../../grader/report.ts';
import type { translator } from '../../i18n/ui.ts';
import { el } from './dom.ts';

/** A drawn trophy: emoji fonts are not everywhere, and a box in their place spoils the moment. */
function trophy(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'il-celebrate-mark');
  svg.setAttribute('aria-hidden', 'true');
  svg.innerHTML =
    '<path fill="currentColor" d="M7 2h10v2h4v3a5 5 0 0 1-4.6 5A5 5 0 0 1 13 15.9V19h4v3H7v-3h4v-3.1A5 5 0 0 1 7.6 12 5 5 0 0 1 3 7V4h4V2zm0 4H5v1a3 3 0 0 0 2 2.8V6zm10 0v3.8A3 3 0 0 0 19 7V6h-2z"/>';
  return svg;
}

export type StepTitles = Record<string, string>;
type T = ReturnType<typeof translator>;

const statusLabel = (t: T, status: string) => (status === 'pass' ? t('lab.passed') : status === 'fail' ? t('lab.failedStep') : t('lab.error'));
const statusIcon = (status: string) => (status === 'pass' ? '✓' : status === 'fail' ? '✗' : '!');

/** Resource ids (i-0abc…, vol-…) stay on one line: a break at their hyphen reads as two words. */
const resourceId = /\b((?:i|vol|snap|sg|subnet|vpc|ami|eni|lt|igw|rtb)-[0-9a-f]{8,17})\b/;

function withIds(text: string): (Node | string)[] {
  return text.split(resourceId).map((part, index) => (index % 2 === 1 ? el('span', { class: 'il-id' }, part) : part));
}

export function renderResults(host: HTMLElement, report: GradeReport, steps: StepTitles, t: T): void {
  const complete = report.passed && report.score === report.maxScore;
  const order = [...new Set(report.checks.map((check) => check.step))];
  const list = el('ol', { class: 'il-steps' });
  order.forEach((stepId, index) => {
    const checks = report.checks.filter((check) => check.step === stepId);
    const stepPassed = checks.every((check) => check.passed);
    const items = el('ul', { class: 'il-checks' });
    for (const check of checks) {
      const status = check.status ?? (check.passed ? 'pass' : 'fail');
      const title = el('p', { class: 'il-check-title' }, el('span', { class: 'il-icon', 'aria-hidden': 'true' }, statusIcon(status)), el('strong', {}, check.title), ' ', el('span', { class: 'il-badge' }, `${statusLabel(t, status)} · ${check.points}/${check.maxPoints}`));
      const message = el('p', { class: 'il-check-message' });
      message.append(...withIds(check.message));
      const hint = check.hint ? el('p', { class: 'il-check-hint' }, el('strong', {}, `${t('lab.hint')}: `), ...withIds(check.hint)) : null;
      // What the check watched happen (the group healing itself), one event a line with its seconds.
      const timeline = check.timeline?.length
        ? el('ol', { class: 'il-timeline', 'data-part': 'timeline' }, ...check.timeline.map(({ event, seconds }) =>
          el('li', {}, el('span', { class: 'il-timeline-at' }, t('lab.seconds', { seconds: seconds.toFixed(1) })), ' ', ...withIds(event))))
        : null;
      // A failure can take focus: "next failure" moves there.
      const attributes: Record<string, string> = { class: `il-check il-check-${status}`, 'data-check': check.id };
      if (status !== 'pass') attributes.tabindex = '-1';
      items.append(el('li', attributes, title, message, timeline, hint));
    }
    const heading = `${t('lab.step')} ${index + 1}. ${steps[stepId] ?? stepId}`;
    const passedCount = checks.filter((check) => check.passed).length;
    // A passed step folds to one line; a learner can still open it to read what was found.
    const body = stepPassed
      ? el('details', {}, el('summary', {}, el('span', { class: 'il-icon', 'aria-hidden': 'true' }, '✓'), el('strong', {}, heading), ' ', el('span', { class: 'il-badge' }, t('lab.stepPassed', { passed: passedCount, total: checks.length }))), items)
      : el('div', {}, el('h4', {}, heading), items);
    list.append(el('li', { class: `il-step ${stepPassed ? 'il-step-pass' : 'il-step-fail'}`, 'data-step': stepId }, body));
  });
  const failures = [...list.querySelectorAll<HTMLElement>('.il-check-fail, .il-check-error')];
  const score = el('p', { class: 'il-score', role: 'status' }, t('lab.score', { score: report.score, max: report.maxScore }));
  const summary = el('div', { class: 'il-summary', 'data-part': 'summary', tabindex: '-1' }, score);
  if (failures.length > 0) summary.append(failureNavigator(failures, t));
  const celebration = complete
    ? el('div', { class: 'il-celebrate', role: 'status' }, trophy(), el('div', {}, el('strong', {}, t('lab.celebrate')), el('p', {}, t('lab.celebrateMore'))))
    : null;
  host.replaceChildren(...(celebration ? [celebration, summary, list] : [summary, list]));
}

/** "2 checks to fix: 1 of 2 [previous] [next]": moves focus (and the view) from failure to failure. */
function failureNavigator(failures: HTMLElement[], t: T): HTMLElement {
  let current = -1;
  const where = el('span', { class: 'il-where', 'aria-live': 'polite' }, t('lab.failuresCount', { count: failures.length }));
  const go = (step: number) => {
    current = (current + step + failures.length) % failures.length;
    const target = failures[current]!;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    where.textContent = t('lab.failuresAt', { at: current + 1, count: failures.length });
  };
  const button = (label: string, part: string, step: number) => {
    const node = el('button', { type: 'button', class: 'il-button il-small', 'data-part': part }, label);
    node.addEventListener('click', () => go(step));
    return node;
  };
  return el('div', { class: 'il-failure-nav' }, where, button(t('lab.failurePrevious'), 'previous-failure', -1), button(t('lab.failureNext'), 'next-failure', 1));
}
