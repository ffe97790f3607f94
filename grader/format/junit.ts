// JUnit XML, which every CI shows: a testsuite per graded account, a testcase per check; a
// failure carries the message and the hint, a check that could not run is an <error>.
import type { GradeReport } from '../report.ts';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function suite(report: GradeReport, name: string): string {
  const failures = report.checks.filter((c) => c.status === 'fail').length;
  const errors = report.checks.filter((c) => c.status === 'error').length;
  const cases = report.checks.map((c) => {
    const attrs = `name="${xmlEscape(c.title)}" classname="${xmlEscape(`${report.lab}.${c.step}.${c.id}`)}"`;
    if (c.passed) return `    <testcase ${attrs}>\n      <system-out>${xmlEscape(c.message)}</system-out>\n    </testcase>`;
    const tag = c.status === 'error' ? 'error' : 'failure';
    const body = c.hint ? `${c.message}\n${c.hint}` : c.message;
    return `    <testcase ${attrs}>\n      <${tag} message="${xmlEscape(c.message)}" type="${c.status}">${xmlEscape(body)}</${tag}>\n    </testcase>`;
  });
  return [
    `  <testsuite name="${xmlEscape(name)}" tests="${report.checks.length}" failures="${failures}" errors="${errors}" skipped="0">`,
    `    <properties>\n      <property name="account" value="${report.account}"/>\n      <property name="score" value="${report.score}"/>\n      <property name="maxScore" value="${report.maxScore}"/>\n    </properties>`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

export function formatJunit(reports: { name?: string; report: GradeReport }[]): string {
  const tests = reports.reduce((n, { report }) => n + report.checks.length, 0);
  const failures = reports.reduce((n, { report }) => n + report.checks.filter((c) => c.status === 'fail').length, 0);
  const errors = reports.reduce((n, { report }) => n + report.checks.filter((c) => c.status === 'error').length, 0);
  const name = reports[0]?.report.lab ?? 'infralabs';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(name)}" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...reports.map(({ name: suiteName, report }) => suite(report, suiteName ?? `${report.lab} (${report.account})`)),
    '</testsuites>',
    '',
  ].join('\n');
}
