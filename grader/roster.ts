// A class roster: CSV with the columns student,account (any order, other columns ignored).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from './cli/errors.ts';

export const rosterRowSchema = z.object({
  student: z.string().trim().min(1, 'the student is empty: write a name or a GitHub user'),
  account: z.string().trim().regex(/^\d{12}$/, 'the account must be 12 digits, e.g. 000000000042'),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

/** Splits CSV text into rows of cells (RFC 4180 quotes; CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((c) => c.trim() !== ''));
}

/** Parses and validates a roster; a problem becomes one UsageError line naming the row and the fix. */
export function parseRoster(text: string, name = 'roster'): RosterRow[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = (header ?? []).map((c) => c.trim().toLowerCase());
  const studentAt = columns.indexOf('student');
  const accountAt = columns.indexOf('account');
  if (studentAt === -1 || accountAt === -1) {
    throw new UsageError(`${name}: the first line must name the columns student,account (found "${(header ?? []).join(',')}"): add that header line.`);
  }
  if (rows.length === 0) throw new UsageError(`${name}: no students: add a line per student, e.g. alice,000000000042.`);
  const seen = new Map<string, number>();
  return rows.map((cells, index) => {
    const line = index + 2;
    const parsed = rosterRowSchema.safeParse({ student: cells[studentAt] ?? '', account: cells[accountAt] ?? '' });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${name} line ${line} ("${cells.join(',')}"): ${issue.message}.`);
    }
    const earlier = seen.get(parsed.data.account);
    if (earlier) throw new UsageError(`${name} line ${line}: account ${parsed.data.account} is already on line ${earlier}: give each student their own account.`);
    seen.set(parsed.data.account, line);
    return parsed.data;
  });
}

export async function readRoster(path: string): Promise<RosterRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the roster ${path}: pass the path of a CSV file with the columns student,account.`);
  }
  return parseRoster(text, path);
}
