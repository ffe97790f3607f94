// `npm start`'s arguments are checked before anything is installed, built or started: one line with the fix, exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const start = (...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, 'start.mjs'), ...args], { encoding: 'utf8', timeout: 30_000 });

it.each([
  [['--classroom'], /^npm start: Option '--classroom <value>' argument missing: use `npm start`, or for a class `npm start -- --classroom roster\.csv/],
  [['--colour'], /^npm start: Unknown option '--colour': use `npm start`/],
  [['--classroom', 'missing.csv'], /^npm start: no roster at .*missing\.csv: make one with `npx infralabs roster new names\.txt > missing\.csv`, or give its path\.$/],
  [['--host', '192.168.0.10'], /^npm start: --host, --lang and --lab are for a class: add --classroom roster\.csv/],
])('npm start %j: one line with the fix, exit 2', (args, message) => {
  const { status, stdout, stderr } = start(...args);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr.trimEnd()).toMatch(message);
});

it('refuses a roster that a class sandbox cannot use, a --lang or a --host, before starting anything', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infralabs-start-'));
  writeFileSync(join(dir, 'plain.csv'), 'student,account\nalice,000000000042\n');
  writeFileSync(join(dir, 'roster.csv'), 'student,account,secret\n@teacher,271828182845,teacher-secret-abcdefghijklmnopqrstu\nminji,314159265358,pi-secret-abcdefghijklmnopqrstuvwxyz\n');
  expect(start('--classroom', join(dir, 'plain.csv')).stderr).toMatch(/^npm start: .*plain\.csv: no secret column: .*infralabs roster new names\.txt > roster\.csv`\.\n$/);
  expect(start('--classroom', join(dir, 'roster.csv'), '--lang', 'fr').stderr).toBe('npm start: --lang must be ko or en (got "fr").\n');
  expect(start('--classroom', join(dir, 'roster.csv'), '--host', 'http://x').stderr).toMatch(/^npm start: --host must be a host name or IP address without port/);
});
