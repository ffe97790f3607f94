// Rosters: every malformed one refused with its exact one-line message; a plain and a class roster read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './cli/errors.ts';
import { parseClassRoster, parseRosterText, readClassRoster } from './roster.ts';

const s1 = 'a'.repeat(40);
const s2 = 'b'.repeat(40);
const st = 'T_-'.repeat(10);
const header = 'student,account,secret';
const teacher = `@teacher,999999999999,${st}`;
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('a malformed roster is refused with one line naming the row and the fix', () => {
  it.each([
    ['no header', csv('alice,000000000001'), 'r.csv: the first line must name the columns student,account (found "alice,000000000001"): add that header line.'],
    ['no account column', csv('student,secret', `alice,${s1}`), 'r.csv: the first line must name the columns student,account (found "student,secret"): add that header line.'],
    ['no students', csv(header, teacher), 'r.csv: no students: add a line per student, e.g. alice,000000000042.'],
    ['an empty student', csv('student,account', ',000000000001'), 'r.csv line 2: the student is empty: write a name or a GitHub user.'],
    ['a short account', csv('student,account', 'alice,42'), 'r.csv line 2 (alice): the account must be 12 digits, e.g. 000000000042.'],
    ['a duplicate account', csv('student,account', 'alice,000000000001', '', 'bob,000000000001'), 'r.csv line 4 (bob): account 000000000001 is already on line 2: give each student their own account.'],
    ['the teacher on a student\'s account', csv(header, `alice,000000000001,${s1}`, `@teacher,000000000001,${st}`), 'r.csv line 3 (@teacher): account 000000000001 is already on line 2: give each student their own account.'],
    ['a duplicate student, other case', csv('student,account', 'Alice,000000000001', 'alice,000000000002'), 'r.csv line 3 (alice): the student "alice" is already on line 2: give each student a name of their own (add a surname or a number).'],
    ['a duplicate Korean name, NFD against NFC', csv('student,account', `${'김민지'.normalize('NFD')},000000000001`, '김민지,000000000002'), 'r.csv line 3 (김민지): the student "김민지" is already on line 2: give each student a name of their own (add a surname or a number).'],
    ['a missing secret', csv(header, teacher, 'alice,000000000001,'), 'r.csv line 3 (alice): the secret is empty: give every row its own secret (`infralabs roster new` makes them).'],
    ['a short secret', csv(header, teacher, 'alice,000000000001,abcdefghijklmnopqrstuvw'), 'r.csv line 3 (alice): the secret is shorter than 24 characters, which can be guessed: make a new one with `infralabs roster new`.'],
    ['a secret outside base64url', csv(header, teacher, `alice,000000000001,${'a'.repeat(30)}+/=`), 'r.csv line 3 (alice): the secret may hold only letters, digits, - and _ (base64url): make a new one with `infralabs roster new`.'],
    ['a secret on two rows', csv(header, teacher, `alice,000000000001,${s1}`, `bob,000000000002,${s1}`), 'r.csv line 4 (bob): this secret is already on line 3: give each row its own secret (`infralabs roster new` makes them).'],
    ['a student with the teacher\'s secret', csv(header, teacher, `alice,000000000001,${st}`), 'r.csv line 3 (alice): this secret is already on line 2: give each row its own secret (`infralabs roster new` makes them).'],
    ['no @teacher row', csv(header, `alice,000000000001,${s1}`), 'r.csv: no @teacher row: add one with the teacher\'s account and secret (`infralabs roster new` writes it), as resets of everything and admin routes need them.'],
    ['two @teacher rows', csv(header, teacher, `alice,000000000001,${s1}`, `@Teacher,000000000002,${s2}`), 'r.csv line 4 (@Teacher): a second @teacher row (the first is on line 2): keep one teacher\'s key.'],
    ['a @teacher row without secrets', csv('student,account', '@teacher,000000000009', 'alice,000000000001'), 'r.csv line 2 (@teacher): the @teacher row holds the teacher\'s key, which needs a secret column: add it, or make the roster with `infralabs roster new`.'],
    ['an endpoint column without secrets', csv('student,account,endpoint', 'alice,000000000001,http://10.0.0.5:4566'), 'r.csv: an endpoint column needs a secret column too: make the roster with `infralabs roster new names.txt --endpoints <url>,...`.'],
    ...['ftp://10.0.0.5:4566', 'http://10.0.0.5:4566/api', 'http://10.0.0.5:4566?x=1', 'http://user:pw@10.0.0.5:4566', '10.0.0.5:4566', 'http://'].map((endpoint) => [
      `the endpoint ${endpoint}`,
      csv(`${header},endpoint`, `${teacher},`, `alice,000000000001,${s1},${endpoint}`),
      'r.csv line 3 (alice): the endpoint must be an http(s) URL with no path, e.g. http://10.0.0.5:4566.',
    ]),
    ['an endpoint on the @teacher row', csv(`${header},endpoint`, `${teacher},http://10.0.0.5:4566`, `alice,000000000001,${s1},`), 'r.csv line 2 (@teacher): the @teacher row takes no endpoint, as the teacher\'s key works on every sandbox of the roster: leave its endpoint empty.'],
    ['a line counted after a quoted newline', csv(header, teacher, `"Kim\nMinji",000000000001,${s1}`, 'bob,000000000002,short'), 'r.csv line 5 (bob): the secret is shorter than 24 characters, which can be guessed: make a new one with `infralabs roster new`.'],
  ])('%s', (_, text, message) => {
    let error: unknown;
    try {
      parseRosterText(text, 'r.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never echoes a secret in its message', () => {
    expect(() => parseRosterText(csv(header, teacher, `alice,000000000001,${s1}`, `bob,42,${s2}`), 'r.csv')).toThrow(/^r\.csv line 4 \(bob\): the account must be 12 digits/);
    try {
      parseRosterText(csv(header, teacher, `alice,000000000001,${s1}`, `bob,42,${s2}`), 'r.csv');
    } catch (error) {
      expect((error as Error).message).not.toContain(s2);
    }
  });
});

describe('a valid roster', () => {
  it('plain student,account (any order, other columns ignored, BOM and CRLF): no secrets, no teacher', () => {
    expect(parseRosterText('\uFEFFaccount,Student,email\r\n000000000001,alice,a@example.com\r\n000000000002,"Kim, Minji",\r\n', 'r.csv')).toEqual({
      students: [{ student: 'alice', account: '000000000001' }, { student: 'Kim, Minji', account: '000000000002' }],
    });
  });

  it('a class roster: students with secrets and endpoints (kept as origins), the teacher apart', () => {
    const text = csv(`${header},endpoint`, `${teacher},`, `alice,000000000001,${s1},http://10.0.0.5:4566/`, `김민지,000000000002,${s2},`);
    expect(parseClassRoster(text, 'r.csv')).toEqual({
      students: [
        { student: 'alice', account: '000000000001', secret: s1, endpoint: 'http://10.0.0.5:4566' },
        { student: '김민지', account: '000000000002', secret: s2 },
      ],
      teacher: { account: '999999999999', secret: st },
    });
  });

  it('readClassRoster refuses a roster without secrets, and an unreadable file, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infralabs-roster-'));
    writeFileSync(join(dir, 'plain.csv'), csv('student,account', 'alice,000000000001'));
    await expect(readClassRoster(join(dir, 'plain.csv'))).rejects.toThrow(`${join(dir, 'plain.csv')}: no secret column: a classroom sandbox verifies every request against each student's secret; make the roster with \`infralabs roster new names.txt > roster.csv\`.`);
    await expect(readClassRoster(join(dir, 'none.csv'))).rejects.toThrow(/^Cannot read the roster .*none\.csv: pass the path of a CSV file/);
  });
});
