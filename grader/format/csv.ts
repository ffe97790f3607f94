// CSV for spreadsheets: a row per check (one grade) or a row per student (a roster).
import type { GradeReport } from '../report.ts';

/** A cell as a spreadsheet reads it. Text that starts with =, +, -, @ (or a tab or carriage
 *  return) would be run as a formula by Excel, LibreOffice and Google Sheets: a student name or an
 *  echoed resource name could then fetch or run what it likes on the teacher's machine. Such text
 *  gets a leading apostrophe, as OWASP's CSV injection advice says; numbers stay numbers. */
export function csvCell(value: string | number | boolean): string {
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (cells: (string | number | boolean)[]) => `${cells.map(csvCell).join(',')}\n`;

export function formatCsv(report: GradeReport): string {
  return (
    row(['lab', 'account', 'step', 'check', 'title', 'status', 'passed', 'points', 'maxPoints', 'message', 'hint']) +
    report.checks.map((c) => row([report.lab, report.account, c.step, c.id, c.title, c.status, c.passed, c.points, c.maxPoints, c.message, c.hint])).join('')
  );
}

/** student, account, score, maxScore, passed, then the points of every check (columns named by check id). */
export function formatRosterCsv(rows: { student: string; report: GradeReport }[]): string {
  const checkIds = rows[0]?.report.checks.map((c) => c.id) ?? [];
  return (
    row(['student', 'account', 'lab', 'score', 'maxScore', 'passed', ...checkIds]) +
    rows
      .map(({ student, report }) =>
        row([student, report.account, report.lab, report.score, report.maxScore, report.passed, ...checkIds.map((id) => report.checks.find((c) => c.id === id)?.points ?? 0)]),
      )
      .join('')
  );
}
