// `infralabs roster new`: a roster from a list of names, with a fresh random account and a strong
// random secret per student, the teacher's key, and (with endpoints) students spread over shards.
// Node only (node:crypto).
import { randomBytes, randomInt } from 'node:crypto';
import { UsageError } from '../cli/errors.ts';
import { csvCell } from '../format/csv.ts';
import { endpointSchema, sameStudentKey, teacherStudent } from '../roster.ts';

export interface NewRosterRow {
  student: string;
  account: string;
  secret: string;
  endpoint?: string;
}

/** The names of names.txt: one per non-empty line, trimmed; a duplicate is refused with its line. */
export function parseNames(text: string, name = 'names.txt'): string[] {
  const names: string[] = [];
  const seen = new Map<string, number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, index) => {
      const student = raw.trim().normalize('NFC');
      const line = index + 1;
      if (!student) return;
      const where = `${name} line ${line} ("${student}")`;
      // A leading = + - @ makes a spreadsheet run the cell as a formula, and @teacher is the teacher's row.
      if (/^[=+\-@]/.test(student)) throw new UsageError(`${where}: a name may not start with = + - or @ (spreadsheets run such cells as formulas): write the name without it.`);
      if (/[\p{Cc}]/u.test(student)) throw new UsageError(`${where}: the name holds a control character: retype it as plain text.`);
      const earlier = seen.get(sameStudentKey(student));
      if (earlier) throw new UsageError(`${where}: the name is already on line ${earlier}: give each student a name of their own (add a surname or a number).`);
      seen.set(sameStudentKey(student), line);
      names.push(student);
    });
  if (names.length === 0) throw new UsageError(`${name}: no names: write one student per line (a name or a GitHub user).`);
  return names;
}

/** `--endpoints url1,url2`: each an http(s) URL with no path, none twice. */
export function parseEndpoints(list: string): string[] {
  const endpoints = list.split(',').map((one) => one.trim()).filter(Boolean);
  if (endpoints.length === 0) throw new UsageError('--endpoints needs at least one URL, e.g. --endpoints http://10.0.0.5:4566,http://10.0.0.6:4566.');
  const origins = endpoints.map((endpoint) => {
    const parsed = endpointSchema.safeParse(endpoint);
    if (!parsed.success) throw new UsageError(`--endpoints: "${endpoint}": ${parsed.error.issues[0]!.message}.`);
    return parsed.data;
  });
  const twice = origins.find((origin, index) => origins.indexOf(origin) !== index);
  if (twice) throw new UsageError(`--endpoints: ${twice} is given twice: list each sandbox once.`);
  return origins;
}

/** A random 12-digit account id, never 000000000000 (the CLI's default account) nor one in `taken`. */
export function newAccount(taken: Set<string>): string {
  for (;;) {
    const account = String(randomInt(1, 1_000_000_000_000)).padStart(12, '0');
    if (!taken.has(account)) {
      taken.add(account);
      return account;
    }
  }
}

/** 240 random bits as base64url: 40 characters. Never starting with -, which a spreadsheet would
 *  read as a formula (and change, were the roster saved from it). */
export function newSecret(): string {
  for (;;) {
    const secret = randomBytes(30).toString('base64url');
    if (!secret.startsWith('-')) return secret;
  }
}

/** The teacher's row first, then the students in the order of the names, round-robin over the endpoints. */
export function newRoster(names: string[], endpoints: string[] = []): { teacher: NewRosterRow; students: NewRosterRow[] } {
  const taken = new Set<string>();
  const teacher = { student: teacherStudent, account: newAccount(taken), secret: newSecret() };
  const students = names.map((student, index) => ({
    student,
    account: newAccount(taken),
    secret: newSecret(),
    ...(endpoints.length ? { endpoint: endpoints[index % endpoints.length]! } : {}),
  }));
  return { teacher, students };
}

export function formatNewRoster({ teacher, students }: ReturnType<typeof newRoster>): string {
  const withEndpoints = students.some((s) => s.endpoint);
  const columns = ['student', 'account', 'secret', ...(withEndpoints ? ['endpoint'] : [])];
  // The teacher's cell is written as is: csvCell would put an apostrophe before its @.
  const teacherLine = [teacher.student, teacher.account, teacher.secret, ...(withEndpoints ? [''] : [])].join(',');
  // Only names need quoting; accounts, secrets (base64url) and origins hold no comma or quote.
  const lines = students.map((s) => [csvCell(s.student), s.account, s.secret, ...(withEndpoints ? [s.endpoint ?? ''] : [])].join(','));
  return `${[columns.join(','), teacherLine, ...lines].join('\n')}\n`;
}
