// The gradebook of `infralabs grade all`: every student of a roster, every lab.
// CSV: a header row (student, account, a column per lab, total), then a "Points Possible" row with
// each lab's maximum (the row Canvas's gradebook import reads; in a spreadsheet, what to divide
// by), then a row per student with each lab's score. UTF-8 with a byte-order mark, so Excel shows
// Korean names. JSON: every check of every lab per student.
import type { GradeReport } from '../report.ts';
import { csvCell } from './csv.ts';

export interface GradebookRow {
  student: string;
  account: string;
  /** The sandbox the student was graded at. */
  endpoint: string;
  /** One report per lab, in the gradebook's lab order. */
  reports: GradeReport[];
}

export interface Gradebook {
  labs: { id: string; maxScore: number }[];
  rows: GradebookRow[];
}

const line = (cells: (string | number)[]) => `${cells.map(csvCell).join(',')}\n`;
const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

export const pointsPossible = 'Points Possible';

export function formatGradebookCsv({ labs, rows }: Gradebook): string {
  return (
    '\uFEFF' +
    line(['student', 'account', ...labs.map((l) => l.id), 'total']) +
    line([pointsPossible, '', ...labs.map((l) => l.maxScore), sum(labs.map((l) => l.maxScore))]) +
    rows.map((row) => line([row.student, row.account, ...row.reports.map((r) => r.score), sum(row.reports.map((r) => r.score))])).join('')
  );
}

export function gradebookJson({ labs, rows }: Gradebook) {
  return {
    labs,
    maxScore: sum(labs.map((l) => l.maxScore)),
    students: rows.map((row) => ({
      student: row.student,
      account: row.account,
      endpoint: row.endpoint,
      score: sum(row.reports.map((r) => r.score)),
      maxScore: sum(row.reports.map((r) => r.maxScore)),
      passed: row.reports.every((r) => r.passed),
      labs: row.reports,
    })),
  };
}
