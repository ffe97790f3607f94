// The teacher's progress view (`infralabs class status`): a plain-text table with a row per
// student and a column per lab, each the last score as score/max, then the total. Columns line up
// as a terminal shows them: a Korean (or other East Asian wide) character takes two columns.
import type { GradeReport } from '../report.ts';
import type { Gradebook } from './gradebook.ts';
import { displayWidth } from './display-width.ts';

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

/** The table; a score with "?" had checks that could not run (said in a last line). */
export function formatClassStatus({ labs, rows }: Gradebook): string {
  // A roster's names reach the terminal: no control character may move the cursor or recolour it.
  const plain = (text: string) => text.normalize('NFC').replace(/\p{Cc}/gu, '\uFFFD');
  const unsure = (report: GradeReport) => report.checks.some((c) => c.status === 'error');
  const anyUnsure = rows.some((row) => row.reports.some(unsure));
  // With a "?" anywhere, the other scores get a space in its place, so the digits line up.
  const mark = anyUnsure ? (report: GradeReport) => (unsure(report) ? '?' : ' ') : () => '';
  const body = rows.map((row) => [
    plain(row.student),
    row.account,
    ...row.reports.map((r) => `${r.score}/${r.maxScore}${mark(r)}`),
    `${sum(row.reports.map((r) => r.score))}/${sum(row.reports.map((r) => r.maxScore))}${anyUnsure ? ' ' : ''}`,
  ]);
  const table = [['student', 'account', ...labs.map((l) => l.id), 'total'], ...body];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((cells) => displayWidth(cells[i]!))));
  const lines = table.map((cells) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(cell));
        return i < 2 ? cell + pad : pad + cell; // names left, scores right
      })
      .join('  ')
      .trimEnd(),
  );
  if (anyUnsure) lines.push('? some checks could not run (the sandbox busy or unreachable): the next round grades them again.');
  return `${lines.join('\n')}\n`;
}
