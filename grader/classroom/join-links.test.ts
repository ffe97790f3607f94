import { describe, expect, it } from 'vitest';
import { joinCode } from '../../sandbox/gateway/join-codes.ts';
import { joinLinks, lanAddress, urlHost } from './join-links.ts';

const minji = { student: '김민지', account: '314159265358', secret: 'pi-secret-abcdefghijklmnopqrstuvwxyz' };
const alice = { student: 'alice', account: '271828182845', secret: 'e-secret-abcdefghijklmnopqrstuvwxyz0', endpoint: 'http://10.0.0.6:4566' };
const options = { site: 'http://192.168.0.10:4321/', endpoint: 'http://192.168.0.10:4566', lang: 'ko' as const, lab: 'ec2-launch' };

describe('joinLinks', () => {
  it('a link per student: the site, the lab in the language, the sandbox (the row\'s own when it has one), the code', () => {
    const [first, second] = joinLinks([minji, alice], options);
    expect(first).toEqual({
      student: '김민지',
      account: minji.account,
      code: joinCode(minji.secret),
      // The sandbox beside the site (its host, port 4566) goes unsaid: the page joins there.
      link: `http://192.168.0.10:4321/ko/labs/ec2-launch/#join=${joinCode(minji.secret)}`,
    });
    expect(second!.link).toBe(`http://192.168.0.10:4321/ko/labs/ec2-launch/?sandbox=http%3A%2F%2F10.0.0.6%3A4566#join=${joinCode(alice.secret)}`);
    expect(joinLinks([minji], { ...options, lang: 'en', lab: 's3-backup' })[0]!.link).toMatch(/^http:\/\/192\.168\.0\.10:4321\/en\/labs\/s3-backup\/#join=/);
    expect(joinLinks([minji], { ...options, endpoint: 'http://192.168.0.10:4600' })[0]!.link).toMatch(/\/\?sandbox=http%3A%2F%2F192\.168\.0\.10%3A4600#join=/);
  });

  it('never holds a secret', () => {
    expect(JSON.stringify(joinLinks([minji, alice], options))).not.toMatch(/secret/);
  });
});

it('lanAddress is an IPv4 address or nothing; urlHost brackets IPv6', () => {
  expect(lanAddress() ?? '1.2.3.4').toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(urlHost('::1')).toBe('[::1]');
  expect(urlHost('[::1]')).toBe('[::1]');
  expect(urlHost('192.168.0.10')).toBe('192.168.0.10');
});
