// The job summary `grade --format github` writes: a table row per check that a learner's resource
// names cannot break or turn into markup.
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../report.ts';
import { stepSummary } from './github.ts';

const report: GradeReport = {
  lab: 'ec2-launch',
  account: '000000000001',
  score: 1,
  maxScore: 3,
  passed: false,
  checks: [
    { id: 'key', title: 'Key pair lab-key', passed: true, points: 1, maxPoints: 1, message: 'found lab-key', hint: '', status: 'pass', step: 's1', evidence: [] },
    { id: 'sg', title: 'Group web-sg', passed: false, points: 0, maxPoints: 2, message: 'group "a|b<img src=x onerror=alert(1)>"\nsecond line [link](http://evil.example)', hint: 'Use *web-sg*', status: 'fail', step: 's2', evidence: [] },
  ],
};

describe('step summary', () => {
  it('a row per check with its mark and points, the score in the heading, Korean too', () => {
    const lines = stepSummary(report).trimEnd().split('\n');
    expect(lines[0]).toBe('### ec2-launch: Score 1/3');
    expect(lines[4]).toBe('| ✅ | Key pair lab-key | 1/1 | found lab-key |  |');
    expect(lines).toHaveLength(6);
    expect(stepSummary(report, 'ko').split('\n')[0]).toBe('### ec2-launch: 점수 1/3');
  });

  it('keeps what a learner named out of the markup: no cell break, no tag, no link, no emphasis, one line', () => {
    const row = stepSummary(report).trimEnd().split('\n')[5]!;
    expect(row.startsWith('| ❌ | Group web-sg | 0/2 | ')).toBe(true);
    expect(row.split('|')).toHaveLength(7);
    expect(row).not.toMatch(/[<>[\]*]/);
    expect(row).toContain('a&#124;b&#60;img src=x onerror=alert(1)&#62;');
  });
});
