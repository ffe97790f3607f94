// `npm start`'s arguments are checked before anything is installed, built or started: one line with the fix, exit 2.
// (The roster itself is read after set-up, as it needs the installed packages: readClassRoster's own tests cover it.)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const start = (...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, 'start.mjs'), ...args], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8', timeout: 30_000 });

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

it('refuses a --lang or a --host it cannot use, before installing or starting anything', () => {
  expect(start('--classroom', 'package.json', '--lang', 'fr').stderr).toBe('npm start: --lang must be ko or en (got "fr").\n');
  expect(start('--classroom', 'package.json', '--host', 'http://x').stderr).toMatch(/^npm start: --host must be a host name or IP address without port/);
});
