// `infralabs roster new`, run in-process: the roster it writes reads back as a valid class roster.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { parseClassRoster } from '../roster.ts';

const dir = mkdtempSync(join(tmpdir(), 'infralabs-roster-new-'));

async function rosterNew(names: string, ...flags: string[]) {
  writeFileSync(join(dir, 'names.txt'), names);
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: dir };
  const code = await main(['roster', 'new', 'names.txt', ...flags], io);
  return { code, out, err };
}

describe('roster new', () => {
  it('a row per name (trimmed, blank lines skipped, Korean and commas kept), the teacher first, fresh accounts and secrets', async () => {
    const { code, out, err } = await rosterNew('\uFEFF김민지\r\n\n  alice  \n"Kim, Minji"\n이서준\n   \n');
    expect(code).toBe(0);
    expect(err).toBe("A roster of 4 students and the teacher's key. Keep it private: its secrets sign every request.\n");
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('student,account,secret');
    expect(lines[1]).toMatch(/^@teacher,\d{12},[A-Za-z0-9_-]{40}$/);
    const roster = parseClassRoster(out);
    expect(roster.students.map((s) => s.student)).toEqual(['김민지', 'alice', '"Kim, Minji"', '이서준']);
    expect(roster.students.every((s) => s.endpoint === undefined)).toBe(true);
  });

  it('300 students: accounts 12 digits, unique, never 000000000000; secrets 40 base64url characters (240 bits), unique', async () => {
    const { code, out } = await rosterNew(Array.from({ length: 300 }, (_, i) => `학생 ${i + 1}`).join('\n'));
    expect(code).toBe(0);
    const { students, teacher } = parseClassRoster(out);
    const accounts = [teacher.account, ...students.map((s) => s.account)];
    const secrets = [teacher.secret, ...students.map((s) => s.secret)];
    expect(students).toHaveLength(300);
    expect(new Set(accounts).size).toBe(301);
    expect(new Set(secrets).size).toBe(301);
    for (const account of accounts) expect(account).toMatch(/^(?!0{12})\d{12}$/);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{39}$/);
    expect(Buffer.from(secrets[0]!, 'base64url')).toHaveLength(30);
  });

  it('--endpoints spreads the students round-robin in an endpoint column (the teacher\'s empty)', async () => {
    const { code, out, err } = await rosterNew('a\nb\nc\nd\ne\n', '--endpoints', 'http://10.0.0.5:4566, http://10.0.0.6:4566/');
    expect(code).toBe(0);
    expect(err).toContain('over 2 sandboxes');
    expect(out.split('\n')[0]).toBe('student,account,secret,endpoint');
    expect(out.split('\n')[1]).toMatch(/^@teacher,\d{12},[A-Za-z0-9_-]{40},$/);
    expect(parseClassRoster(out).students.map((s) => [s.student, s.endpoint])).toEqual([
      ['a', 'http://10.0.0.5:4566'],
      ['b', 'http://10.0.0.6:4566'],
      ['c', 'http://10.0.0.5:4566'],
      ['d', 'http://10.0.0.6:4566'],
      ['e', 'http://10.0.0.5:4566'],
    ]);
  });

  it.each([
    ['a duplicate, named with its line', 'alice\nbob\n\nAlice\n', [], 'names.txt line 4 ("Alice"): the name is already on line 1: give each student a name of their own (add a surname or a number).'],
    ['a duplicate Korean name typed on a Mac (NFD)', `김민지\n${'김민지'.normalize('NFD')}\n`, [], 'names.txt line 2 ("김민지"): the name is already on line 1: give each student a name of their own (add a surname or a number).'],
    ['a name a spreadsheet would run', 'alice\n=HYPERLINK("http://evil.example")\n', [], 'names.txt line 2 ("=HYPERLINK("http://evil.example")"): a name may not start with = + - or @ (spreadsheets run such cells as formulas): write the name without it.'],
    ['a student named @teacher', '@teacher\n', [], 'names.txt line 1 ("@teacher"): a name may not start with = + - or @ (spreadsheets run such cells as formulas): write the name without it.'],
    ['no names', '\n  \n', [], 'names.txt: no names: write one student per line (a name or a GitHub user).'],
    ['an endpoint with a path', 'a\n', ['--endpoints', 'http://10.0.0.5:4566/x'], '--endpoints: "http://10.0.0.5:4566/x": the endpoint must be an http(s) URL with no path, e.g. http://10.0.0.5:4566.'],
    ['an endpoint twice', 'a\n', ['--endpoints', 'http://10.0.0.5:4566,http://10.0.0.5:4566/'], '--endpoints: http://10.0.0.5:4566 is given twice: list each sandbox once.'],
  ])('refuses %s in one line, writing nothing', async (_, names, flags, message) => {
    const { code, out, err } = await rosterNew(names, ...flags);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`${message}\n`);
  });
});
