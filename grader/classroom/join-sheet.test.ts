// `infralabs roster sheet`, run in-process: a slip per student, every roster value escaped, no secret.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinCode } from '../../sandbox/gateway/join-codes.ts';
import type { Io } from '../cli/io.ts';
import { main } from '../cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'infralabs-roster-sheet-'));
const teacher = { account: '271828182845', secret: 'teacher-secret-abcdefghijklmnopqrstu' };
const students = [
  { student: '김민지', account: '314159265358', secret: 'pi-secret-abcdefghijklmnopqrstuvwxyz' },
  { student: `<img src=x onerror="alert('&')">`, account: '161803398874', secret: 'phi-secret-abcdefghijklmnopqrstuvwxy' },
  { student: 'alice', account: '141421356237', secret: 'sqrt-secret-abcdefghijklmnopqrstuvwx', endpoint: 'http://10.0.0.6:4566' },
];
const csv = (value: string) => `"${value.replaceAll('"', '""')}"`;
writeFileSync(join(dir, 'roster.csv'), [
  'student,account,secret,endpoint',
  `@teacher,${teacher.account},${teacher.secret},`,
  ...students.map((s) => [csv(s.student), s.account, s.secret, s.endpoint ?? ''].join(',')),
].join('\n'));

async function sheet(...flags: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: dir };
  const code = await main(['roster', 'sheet', 'roster.csv', '--site', 'http://192.168.0.10:4321', '--endpoint', 'http://192.168.0.10:4566', ...flags], io);
  return { code, out, err };
}

describe('roster sheet', () => {
  it.each(['ko', 'en'] as const)('a slip per student with name, link and code, in %s; escaped; never a secret', async (lang) => {
    const { code, out, err } = await sheet('--lang', lang);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
    expect(out).toContain(lang === 'ko' ? '수업 샌드박스 http://192.168.0.10:4566' : 'class sandbox http://192.168.0.10:4566');
    expect(out).toContain(lang === 'ko' ? '참여 코드' : 'Join code');
    expect(out.match(/<section class="slip">/g)).toHaveLength(3);
    for (const { account, secret, endpoint } of students) {
      const sandbox = endpoint ? `?sandbox=${encodeURIComponent(endpoint)}` : '';
      expect(out).toContain(`<p class="code">${joinCode(secret)}</p>`);
      expect(out).toContain(`href="http://192.168.0.10:4321/${lang}/labs/ec2-launch/${sandbox}#join=${joinCode(secret)}"`);
      expect(out + err).not.toContain(secret);
      expect(out).not.toContain(account);
    }
    expect(out + err).not.toContain(teacher.secret);
    expect(out).not.toContain(joinCode(teacher.secret));
    expect(out).toContain('<p class="name">김민지</p>');
    expect(out).toContain('<p class="name">&lt;img src=x onerror=&quot;alert(&#39;&amp;&#39;)&quot;&gt;</p>');
    expect(out).not.toContain('<img');
    // Self-contained: nothing to fetch when printed.
    expect(out).not.toMatch(/<(script|link|img)\b|url\(|@import/);
  });

  it('opens the lab it is told, checked against the labs', async () => {
    expect((await sheet('--lab', 's3-backup')).out).toContain('/en/labs/s3-backup/#join=');
    const { code, err } = await sheet('--lab', 'ec2-lunch');
    expect(code).toBe(2);
    expect(err).toMatch(/^--lab ec2-lunch is not a lab: choose one of .*ec2-launch.* \(see `infralabs labs`\)\.\n$/);
  });

  it('refuses a sandbox address with a path, or --endpoints, in one line with the fix', async () => {
    expect((await sheet('--endpoint', 'http://192.168.0.10:4566/x')).err).toBe('--endpoint: the endpoint must be an http(s) URL with no path, e.g. http://10.0.0.5:4566.\n');
    expect((await sheet('--endpoints', 'http://10.0.0.5:4566')).err).toMatch(/^--endpoints is for `roster new`/);
  });
});
