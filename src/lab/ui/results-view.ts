// The check results: each step with its checks, passed or failed, the message and the hint, the
// score, and a celebration when everything passed.
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
      items.append(
        el(
          'li',
          { class: `il-check il-check-${status}`, 'data-check': check.id },
          el('p', { class: 'il-check-title' }, el('span', { class: 'il-icon', 'aria-hidden': 'true' }, statusIcon(status)), el('strong', {}, check.title), ' ', el('span', { class: 'il-badge' }, `${statusLabel(t, status)} · ${check.points}/${check.maxPoints}`)),
          el('p', { class: 'il-check-message' }, check.message),
          check.hint ? el('p', { class: 'il-check-hint' }, el('strong', {}, `${t('lab.hint')}: `), check.hint) : null,
        ),
      );
    }
    list.append(el('li', { class: `il-step ${stepPassed ? 'il-step-pass' : 'il-step-fail'}`, 'data-step': stepId }, el('h4', {}, `${t('lab.step')} ${index + 1}. ${steps[stepId] ?? stepId}`), items));
  });
  const score = el('p', { class: 'il-score', role: 'status' }, t('lab.score', { score: report.score, max: report.maxScore }));
  const celebration = complete
    ? el('div', { class: 'il-celebrate', role: 'status' }, trophy(), el('div', {}, el('strong', {}, t('lab.celebrate')), el('p', {}, t('lab.celebrateMore'))))
    : null;
  host.replaceChildren(...(celebration ? [celebration, score, list] : [score, list]));
}
