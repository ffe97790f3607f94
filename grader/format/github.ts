// GitHub Classroom autograding: the runner result that classroom-resources/autograding-grading-reporter
// reads (base64 JSON in a step output named `result`, passed to the reporter as <RUNNER>_RESULTS).
// Each check is a test with its own score, so Classroom gives partial credit.
import type { GradeReport } from '../report.ts';

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: {
    name: string;
    status: 'pass' | 'fail' | 'error';
    message: string;
    test_code: string;
    filename: string;
    line_no: number;
    execution_time: string;
    score: number;
  }[];
}

export function classroomResult(report: GradeReport): ClassroomResult {
  const failed = report.checks.some((c) => c.status === 'fail');
  const errored = report.checks.some((c) => c.status === 'error');
  return {
    version: 1,
    status: failed ? 'fail' : errored ? 'error' : 'pass',
    max_score: report.maxScore,
    tests: report.checks.map((c) => ({
      name: c.title,
      status: c.status,
      message: c.passed || !c.hint ? c.message : `${c.message} ${c.hint}`,
      test_code: `infralabs grade ${report.lab} (check ${c.id})`,
      filename: '',
      line_no: 0,
      execution_time: '',
      score: c.points,
    })),
  };
}

/** The line to append to $GITHUB_OUTPUT. */
export function githubOutputLine(result: ClassroomResult): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(result))) binary += String.fromCharCode(byte);
  return `result=${btoa(binary)}\n`;
}

/** Markdown for $GITHUB_STEP_SUMMARY: the score, then a row per check with its points and what to fix. */
export function stepSummary(report: GradeReport, lang: 'ko' | 'en' = 'en'): string {
  // Messages echo resource names the learner chose: nothing in them may break the table or become markup.
  const cell = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/[\\|`*_[\]<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
  const w = lang === 'ko' ? { score: '점수', check: '항목', points: '점수', found: '결과', hint: '힌트' } : { score: 'Score', check: 'Check', points: 'Points', found: 'Found', hint: 'Hint' };
  const rows = report.checks.map((c) => `| ${c.passed ? '✅' : c.status === 'error' ? '⚠️' : '❌'} | ${cell(c.title)} | ${c.points}/${c.maxPoints} | ${cell(c.message)} | ${c.passed ? '' : cell(c.hint)} |`);
  return [`### ${cell(report.lab)}: ${w.score} ${report.score}/${report.maxScore}`, '', `| | ${w.check} | ${w.points} | ${w.found} | ${w.hint} |`, '| --- | --- | --- | --- | --- |', ...rows, '', ''].join('\n');
}
