// A class roster: CSV with the columns student,account (any order, other columns ignored), and for
// a classroom sandbox also secret (each student's secret access key) and optionally endpoint (the
// sandbox, or shard, the student works on). A roster with secrets has exactly one row whose
// student is @teacher: the teacher's account and key, which resets of everything and admin
// routes need. Every problem is refused with one line naming the row and the fix.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from './cli/errors.ts';

/** The student cell of the row that holds the teacher's key. */
export const teacherStudent = '@teacher';

export const studentSchema = z.string().trim().min(1, 'the student is empty: write a name or a GitHub user');
export const accountSchema = z.string().trim().regex(/^\d{12}$/, 'the account must be 12 digits, e.g. 000000000042');
/** A secret signs every request of its account: long and random (`infralabs roster new` makes 40 characters). */
export const secretSchema = z
  .string()
  .trim()
  .min(1, 'the secret is empty: give every row its own secret (`infralabs roster new` makes them)')
  .regex(/^[A-Za-z0-9_-]*$/, 'the secret may hold only letters, digits, - and _ (base64url): make a new one with `infralabs roster new`')
  .min(24, 'the secret is shorter than 24 characters, which can be guessed: make a new one with `infralabs roster new`');
/** A sandbox's address: http(s), a host and maybe a port, nothing after; kept as its origin. */
export const endpointSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !/[?#]$/.test(value);
    } catch {
      return false;
    }
  }, 'the endpoint must be an http(s) URL with no path, e.g. http://10.0.0.5:4566')
  .transform((value) => new URL(value).origin);

export const rosterRowSchema = z.object({ student: studentSchema, account: accountSchema });
export const classRowSchema = rosterRowSchema.extend({ secret: secretSchema, endpoint: endpointSchema.optional() });

export interface RosterRow {
  student: string;
  account: string;
  /** Present when the roster has a secret column. */
  secret?: string;
  /** Present when the roster has an endpoint column and the row's cell is not empty. */
  endpoint?: string;
}

export interface ClassStudent {
  student: string;
  account: string;
  secret: string;
  endpoint?: string;
}

export interface Roster {
  students: RosterRow[];
  /** Present exactly when the roster has secrets. */
  teacher?: { account: string; secret: string };
}

export interface ClassRoster {
  students: ClassStudent[];
  teacher: { account: string; secret: string };
}

/** Splits CSV text into rows of cells (RFC 4180 quotes; CRLF or LF). */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map(({ cells }) => cells);
}

/** The non-empty rows of CSV text with the line each starts on (1-based). */
export function parseCsvLines(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push({ line: rowLine, cells: row });
      row = [];
      cell = '';
      rowLine = ++line;
    } else cell += char;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push({ line: rowLine, cells: row });
  }
  return rows.filter(({ cells }) => cells.some((c) => c.trim() !== ''));
}

/** Names are compared as a person reads them: Unicode-normalised (NFC, as Korean typed on a Mac is
 *  not) and case-insensitive (GitHub user names are). */
export const sameStudentKey = (student: string) => student.normalize('NFC').toLowerCase();

/** Parses and validates a roster; a problem becomes one UsageError line naming the row and the fix. */
export function parseRosterText(text: string, name = 'roster'): Roster {
  const [header, ...rows] = parseCsvLines(text.replace(/^\uFEFF/, ''));
  const columns = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  const at = (column: string) => columns.indexOf(column);
  if (at('student') === -1 || at('account') === -1) {
    throw new UsageError(`${name}: the first line must name the columns student,account (found "${(header?.cells ?? []).join(',')}"): add that header line.`);
  }
  const hasSecrets = at('secret') !== -1;
  const hasEndpoints = at('endpoint') !== -1;
  if (hasEndpoints && !hasSecrets) throw new UsageError(`${name}: an endpoint column needs a secret column too: make the roster with \`infralabs roster new names.txt --endpoints <url>,...\`.`);
  const cell = (cells: string[], column: string) => cells[at(column)] ?? '';

  const students: RosterRow[] = [];
  let teacher: (Roster['teacher'] & { line: number }) | undefined;
  const accounts = new Map<string, number>();
  const names = new Map<string, number>();
  const secrets = new Map<string, number>();
  for (const { line, cells } of rows) {
    const student = cell(cells, 'student').trim();
    const where = `${name} line ${line}${student ? ` (${student})` : ''}`;
    const refuse = (message: string): never => {
      throw new UsageError(`${where}: ${message}.`);
    };
    const isTeacher = student.toLowerCase() === teacherStudent;
    const parsed = (hasSecrets ? classRowSchema : rosterRowSchema).safeParse({
      student,
      account: cell(cells, 'account'),
      ...(hasSecrets ? { secret: cell(cells, 'secret') } : {}),
      ...(hasEndpoints && cell(cells, 'endpoint').trim() !== '' ? { endpoint: cell(cells, 'endpoint') } : {}),
    });
    if (!parsed.success) refuse(parsed.error.issues[0]!.message);
    const row = parsed.data as RosterRow;

    const earlierAccount = accounts.get(row.account);
    if (earlierAccount) refuse(`account ${row.account} is already on line ${earlierAccount}: give each student their own account`);
    accounts.set(row.account, line);
    if (row.secret) {
      // A shared secret would let one holder sign as the other's account (the teacher's too).
      const earlierSecret = secrets.get(row.secret);
      if (earlierSecret) refuse(`this secret is already on line ${earlierSecret}: give each row its own secret (\`infralabs roster new\` makes them)`);
      secrets.set(row.secret, line);
    }

    if (isTeacher) {
      if (!hasSecrets) refuse(`the ${teacherStudent} row holds the teacher's key, which needs a secret column: add it, or make the roster with \`infralabs roster new\``);
      if (teacher) refuse(`a second ${teacherStudent} row (the first is on line ${teacher.line}): keep one teacher's key`);
      if (row.endpoint) refuse(`the ${teacherStudent} row takes no endpoint, as the teacher's key works on every sandbox of the roster: leave its endpoint empty`);
      teacher = { account: row.account, secret: row.secret!, line };
      continue;
    }
    const earlierName = names.get(sameStudentKey(row.student));
    if (earlierName) refuse(`the student "${row.student}" is already on line ${earlierName}: give each student a name of their own (add a surname or a number)`);
    names.set(sameStudentKey(row.student), line);
    students.push(row);
  }
  if (students.length === 0) throw new UsageError(`${name}: no students: add a line per student, e.g. alice,000000000042.`);
  if (hasSecrets && !teacher) {
    throw new UsageError(`${name}: no ${teacherStudent} row: add one with the teacher's account and secret (\`infralabs roster new\` writes it), as resets of everything and admin routes need them.`);
  }
  return { students, ...(teacher ? { teacher: { account: teacher.account, secret: teacher.secret } } : {}) };
}

/** The students of a roster (the teacher's row left out). */
export function parseRoster(text: string, name = 'roster'): RosterRow[] {
  return parseRosterText(text, name).students;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the roster ${path}: pass the path of a CSV file with the columns student,account (and secret for a classroom sandbox).`);
  }
}

/** Any valid roster: a plain student,account one (grading signs with any secret, as a sandbox without a roster accepts) or a class roster. */
export async function readRoster(path: string): Promise<Roster> {
  return parseRosterText(await readText(path), path);
}

/** A roster for a classroom sandbox: every student with a secret, and the teacher's key. */
export function parseClassRoster(text: string, name = 'roster'): ClassRoster {
  const { students, teacher } = parseRosterText(text, name);
  if (!teacher) {
    throw new UsageError(`${name}: no secret column: a classroom sandbox verifies every request against each student's secret; make the roster with \`infralabs roster new names.txt > roster.csv\`.`);
  }
  return { students: students.map(({ student, account, secret, endpoint }) => ({ student, account, secret: secret!, ...(endpoint ? { endpoint } : {}) })), teacher };
}

/** Reads a class roster for `infralabs sandbox --roster` (refuses one without secrets). */
export async function readClassRoster(path: string): Promise<ClassRoster> {
  return parseClassRoster(await readText(path), path);
}
