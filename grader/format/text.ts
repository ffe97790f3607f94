// The human format: a line per check with ✓/✗, what was found, the hint, then the score.
import type { Lang } from '../lab.ts';
import type { GradeReport } from '../report.ts';

const words = {
  en: { account: 'account', hint: 'Hint', score: 'Score', couldNot: 'could not check', allPass: 'Every check passes.' },
  ko: { account: '계정', hint: '힌트', score: '점수', couldNot: '확인 불가', allPass: '모든 항목을 통과했습니다.' },
} as const;

export function formatText(report: GradeReport, lang: Lang = 'en'): string {
  const w = words[lang];
  const lines = [`${report.lab} · ${w.account} ${report.account}`, ''];
  for (const check of report.checks) {
    const mark = check.passed ? '✓' : check.status === 'error' ? '!' : '✗';
    lines.push(`${mark} ${check.title} (${check.points}/${check.maxPoints})${check.status === 'error' ? ` [${w.couldNot}]` : ''}`);
    lines.push(`    ${check.message}`);
    for (const { event, seconds } of check.timeline ?? []) lines.push(`      ${seconds.toFixed(1).padStart(5)} s  ${event}`);
    if (!check.passed && check.hint) lines.push(`    ${w.hint}: ${check.hint}`);
  }
  lines.push('', `${w.score}: ${report.score}/${report.maxScore}${report.passed ? `  ${w.allPass}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** One line per student of a roster. */
export function formatRosterText(rows: { student: string; report: GradeReport }[], lang: Lang = 'en'): string {
  const w = words[lang];
  const width = Math.max(...rows.map((row) => row.student.length), 0);
  return rows
    .map(({ student, report }) => {
      const failed = report.checks.filter((c) => !c.passed).map((c) => c.id);
      return `${report.passed ? '✓' : '✗'} ${student.padEnd(width)}  ${report.account}  ${w.score} ${report.score}/${report.maxScore}${failed.length ? `  ✗ ${failed.join(', ')}` : ''}`;
    })
    .map((line) => `${line}\n`)
    .join('');
}
