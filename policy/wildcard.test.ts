import { describe, expect, it } from 'vitest';
import { compile, isFixed, matches, matchesEveryWith, matchesSomeWith } from './wildcard.ts';

describe('IAM wildcards', () => {
  it('reads * as any run and ? as one character, with case only where asked', () => {
    expect(matches(compile('s3:Get*', { ignoreCase: true }), 'S3:GETOBJECT')).toBe(true);
    expect(matches(compile('b/photo?.jpg'), 'b/photo?.jpg')).toBe(true);
    expect(matches(compile('b/photo?.jpg'), 'b/photo12.jpg')).toBe(false);
    expect(matches(compile('B/*'), 'b/x')).toBe(false);
    expect(matches(compile('a.b+c'), 'axb+c')).toBe(false);
  });

  it('answers for a whole range of values: some of them, all of them', () => {
    const bucket = 'arn:aws:s3:::b/';
    expect(matchesEveryWith(compile(`${bucket}*`, { arn: true }), `${bucket}incoming/`)).toBe(true);
    expect(matchesEveryWith(compile(`${bucket}incoming/*`, { arn: true }), `${bucket}incoming/`)).toBe(true);
    expect(matchesEveryWith(compile(`${bucket}incoming/*.jpg`, { arn: true }), `${bucket}incoming/`)).toBe(false);
    expect(matchesEveryWith(compile(`${bucket}incoming/?*`, { arn: true }), `${bucket}incoming/`)).toBe(false); // not "incoming/" itself
    expect(matchesEveryWith(compile(`${bucket}incoming/?`, { arn: true }), `${bucket}incoming/`)).toBe(false);
    expect(matchesSomeWith(compile(`${bucket}incoming/*.jpg`, { arn: true }), `${bucket}incoming/`)).toBe(true);
    expect(matchesSomeWith(compile(`${bucket}incoming*`, { arn: true }), `${bucket}processed/`)).toBe(false);
    expect(matchesSomeWith(compile(`${bucket}*coming/*`, { arn: true }), `${bucket}processed/`)).toBe(true); // processed/a/incoming/b
    expect(matchesSomeWith(compile('*'), `${bucket}processed/`)).toBe(true);
  });

  it('keeps a wildcard inside its ARN segment unless it ends the segment', () => {
    expect(matches(compile('arn:aws:iam::*:role/x', { arn: true }), 'arn:aws:iam::123456789012:role/x')).toBe(true);
    expect(matches(compile('arn:aws:iam::1*2:role/x', { arn: true }), 'arn:aws:iam::1:2:role/x')).toBe(false);
    expect(matches(compile('arn:aws:s3:::b/*', { arn: true }), 'arn:aws:s3:::b/a:b')).toBe(true);
  });

  it('knows a fixed value', () => {
    expect(isFixed('vpc-1')).toBe(true);
    expect(['vpc-*', 'vpc-?', '${aws:username}', ''].map(isFixed)).toEqual([false, false, false, false]);
  });
});
