// The content lint: this repository's lessons, guides and UI pass it (so a quiz whose answers
// cluster on one position, or whose options differ wildly in length, fails the build), and each
// rule catches what it is for, shown on small project trees in temp folders.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../labs.ts';
import { lintContent } from './index.ts';
import { courseProblems, extractQuizzes, quizProblems, type QuizQuestion } from './quiz.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'infralabs-content-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
const glossary = JSON.stringify({
  terms: [{ en: 'Availability Zone', ko: '가용 영역', about: { ko: '영역', en: 'zone' }, wrong: ['가용 ?구역'] }],
  phrasing: [{ wrong: '돕니다', right: '실행됩니다', en: 'runs' }],
});
const page = (body: string) => `---\ntitle: x\n---\n\n${body}\n`;
const lint = (files: Record<string, string>) => lintContent(tree({ 'content/glossary.json': glossary, ...files })).map((p) => `${p.path}: ${p.message}`);

/** A balanced question: four options of similar length, the explanation naming each wrong one. */
const q = (answer: number | number[], choices = ['first option', 'second option', 'third option', 'fourth option']): QuizQuestion => {
  const right = Array.isArray(answer) ? answer : [answer];
  return { q: 'Which?', choices, answer, explain: `Because. ${choices.map((_, i) => (right.includes(i) ? '' : `${'ABCDE'[i]}: no.`)).join(' ')}` };
};
const quiz = (...questions: QuizQuestion[]) => ({ line: 1, questions });

it('the repository content passes: glossary terms, quiz balance, ko/en parity, links', () => {
  expect(lintContent(projectRoot).map((p) => `${p.path}: ${p.message}`)).toEqual([]);
});

describe('quizzes', () => {
  it('reads a <Quiz> block as data, and skips one inside a code fence', () => {
    const text = page(`\`\`\`mdx\n<Quiz questions={[{ q: 'x', choices: [], answer: 9, explain: '' }]} />\n\`\`\`\n\n<Quiz\n  lang="en"\n  questions={[{ q: 'It\\'s {x}?', choices: ['a', 'b'], answer: [0, 1], explain: 'e' }]}\n/>`);
    expect(extractQuizzes(text)).toEqual([{ line: 9, questions: [{ q: "It's {x}?", choices: ['a', 'b'], answer: [0, 1], explain: 'e' }] }]);
  });

  it('names the line of a quiz that is not plain data', () => {
    expect(() => extractQuizzes(page('<Quiz questions={[{ q: process.exit(1) }]} />'))).toThrow(/^line 5: the quiz questions are not a plain literal/);
    expect(() => extractQuizzes(page("<Quiz questions={[{ q: 'x', choices: ['a'], answer: 0 }]} />"))).toThrow(/^line 5: question data at 0\.choices/);
  });

  it('a balanced quiz passes', () => {
    expect(quizProblems(quiz(q(0), q(1), q(2), q(3), q([0, 2], ['one a', 'two b', 'three', 'four d', 'five e'])))).toEqual([]);
  });

  it('catches answers that cluster on one position or use too few positions', () => {
    expect(quizProblems(quiz(q(1), q(1), q(1), q(2)))).toEqual(['answers cluster on B (3 of 4; at most 2); move some correct options to other positions', 'answers use only 2 position(s) (B, C); spread them over at least 3']);
    // Two of three on one position is allowed; nine answers allow three a position.
    expect(quizProblems(quiz(q(0), q(0), q(3)))).toEqual([]);
    expect(quizProblems(quiz(q(0), q(0), q(0), q(1), q(1), q(1), q(2), q(2), q(3)))).toEqual([]);
  });

  it('catches options that differ wildly in length, but not short ones that differ a little', () => {
    const wild = ['3', 'As many instances as the load needs', '5', '8'];
    expect(quizProblems(quiz(q(1, wild), q(0), q(2)))).toContain('question 1: options differ wildly in length (1 to 35 characters); make the short ones as specific as the long ones');
    expect(quizProblems(quiz(q(1, ['3', '15', '5 GiB', '128 MiB']), q(0), q(2)))).toEqual([]);
  });

  it('wants four options (four or five for "choose two") and an explanation for each wrong one', () => {
    const three = { ...q(0, ['a', 'b', 'c']), explain: 'Because. B: no.' };
    expect(quizProblems(quiz(three, q(1), q(2)))).toEqual(['question 1: has 3 options; a single-answer question has exactly 4', 'question 1: the explanation does not say why C is wrong; add "C: ..." for it']);
    expect(quizProblems(quiz(q(0, ['a', 'b', 'c', 'd', 'e']), q(1), q(2)))[0]).toBe('question 1: has 5 options; a single-answer question has exactly 4');
    expect(quizProblems(quiz(q([0, 1, 2]), q(1), q(2)))).toContain('question 1: 3 of 4 options are correct; leave at least two wrong ones');
    expect(quizProblems(quiz(q(7), q(1)))).toEqual(['question 1: answer 7 is not an index into its 4 choices (0-based)']);
  });

  it('catches a correct option that is the longest one in most questions', () => {
    const long = (answer: number) => q(answer, ['short one', 'short two', 'short three', 'short four'].map((c, i) => (i === answer ? `${c} but longer` : c)));
    expect(quizProblems(quiz(long(0), long(1), long(2), q(3)))).toEqual(['the correct option is the longest one in 3 of 4 questions; a learner can guess by length, so lengthen some wrong options']);
  });

  it('checks the spread over the whole course in one language', () => {
    const many = (answer: number, n: number) => Array.from({ length: n }, () => q(answer));
    expect(courseProblems([quiz(...many(0, 6), ...many(1, 2), ...many(2, 2), ...many(3, 2))])).toEqual([
      '50% of the course\'s single answers are A (keep each position between 15% and 35%)',
    ]);
    expect(courseProblems([quiz(...many(0, 3), ...many(1, 3), ...many(2, 3), ...many(3, 3))])).toEqual([]);
  });
});

describe('ko/en parity', () => {
  const quizBlock = (answers: Array<number | number[]>) =>
    `<Quiz\n  questions={${JSON.stringify(answers.map((a) => q(a)))}}\n/>`;
  const pair = (ko: string, en: string) => ({ 'content/ko/lessons/x.mdx': page(ko), 'content/en/lessons/x.mdx': page(en) });

  it('passes pages with the same sections and quiz', () => {
    expect(lint(pair(`## 하나\n### 둘\n## 셋\n${quizBlock([0, 1, 2])}`, `## One\n### Two\n## Three\n${quizBlock([0, 1, 2])}`))).toEqual([]);
  });

  it('catches a page missing in one language', () => {
    expect(lint({ 'content/ko/lessons/x.mdx': page('## 하나') })).toEqual(['content/en/lessons/x.mdx: missing: content/ko/lessons/x.mdx has no English counterpart; write it.']);
    expect(lint({ 'content/en/lessons/y.mdx': page('## One') })).toEqual(['content/ko/lessons/y.mdx: missing: content/en/lessons/y.mdx has no Korean counterpart; write it.']);
  });

  it('catches different sections, naming the first heading that differs', () => {
    expect(lint(pair('## 하나\n## 둘', '## One\n### One and a half\n## Two'))).toEqual([
      'content/en/lessons/x.mdx: sections differ from content/ko/lessons/x.mdx (2 against 3 headings): heading 2 is "### One and a half" (line 6) in English but "## 둘" (line 6) in Korean; give both the same sections.',
    ]);
  });

  it('ignores headings inside code', () => {
    expect(lint(pair('## 하나\n```sh\n# 주석\n```', '## One'))).toEqual([]);
  });

  it('catches a quiz whose answers differ between the languages', () => {
    expect(lint(pair(quizBlock([0, 1, 2]), quizBlock([0, 2, 1])))).toEqual([
      'content/en/lessons/x.mdx:5: question 2: 4 options, answer C in English but 4 options, answer B in Korean; keep the options in the same order in both.',
      'content/en/lessons/x.mdx:5: question 3: 4 options, answer B in English but 4 options, answer C in Korean; keep the options in the same order in both.',
    ]);
    expect(lint(pair(quizBlock([0, 1, 2]), quizBlock([0, 1])))).toEqual(['content/en/lessons/x.mdx:5: 2 questions against 3 in Korean; translate every question.']);
  });
});

describe('links', () => {
  const site = (ko: string) => ({
    'content/ko/lessons/a.mdx': page(`## 첫 절\n## \`gp3\`와 **볼륨**\n${ko}`),
    'content/en/lessons/a.mdx': page('## First\n## Second\n'),
    'labs/ec2-launch/lab.ts': 'export default {};\n',
  });

  it('passes links to pages, labs and headings that exist', () => {
    expect(lint(site('[a](/ko/lessons/a/) [b](/ko/lessons/a/#첫-절) [c](#gp3와-볼륨) <LinkCard href="/ko/labs/ec2-launch/" /> [d](https://aws.amazon.com/) [e](#_top)'))).toEqual([]);
    // A page may link to its own translation.
    expect(lint(site('[English](/en/lessons/a/)'))).toEqual([]);
  });

  it('catches a page, lab or anchor that does not exist, a relative link and a link into the other language', () => {
    expect(lint({ ...site('[a](/ko/lessons/nope/)\n[b](/ko/labs/nope/)\n[c](/ko/lessons/a/#없는-절)\n[d](../a/)\n[e](/en/lessons/b/)'), 'content/en/lessons/b.mdx': page(''), 'content/ko/lessons/b.mdx': page('') })).toEqual([
      'content/ko/lessons/a.mdx:7: "/ko/lessons/nope/" leads nowhere: no page in content/ or lab in labs/ has that address.',
      'content/ko/lessons/a.mdx:8: "/ko/labs/nope/" leads nowhere: no page in content/ or lab in labs/ has that address.',
      'content/ko/lessons/a.mdx:9: "#없는-절" is not a heading of content/ko/lessons/a.mdx; pick one of its headings\' anchors.',
      'content/ko/lessons/a.mdx:10: "../a/" is relative; write the site path (/ko/lessons/<slug>/), which works from every page.',
      'content/ko/lessons/a.mdx:11: "/en/lessons/b/" leaves the page\'s language (ko); link to /ko/ instead.',
    ]);
  });
});

describe('glossary', () => {
  it('flags each non-standard form with its line and the standard term', () => {
    const files = {
      'content/ko/lessons/a.mdx': page('서브넷은 한 가용 구역에 있습니다.\n함수가 돕니다.'),
      'content/en/lessons/a.mdx': page('Text.'),
      'labs/x/lab.ts': "const m = { ko: '가용구역 두 개', en: 'two zones' };\n",
      'labs/x/fixtures/a.ts': '// 가용 구역: learner code is not scanned\n',
      'src/i18n/ui.ts': "export const t = '가용 영역';\n",
    };
    expect(lint(files)).toEqual([
      'content/ko/lessons/a.mdx:5: "가용 구역" → "가용 영역" (AWS\'s Korean term for "Availability Zone"; see content/glossary.json).',
      'content/ko/lessons/a.mdx:6: "돕니다" → "실행됩니다" (a calque of "runs"; see content/glossary.json).',
      'labs/x/lab.ts:1: "가용구역" → "가용 영역" (AWS\'s Korean term for "Availability Zone"; see content/glossary.json).',
    ]);
  });

  it('reports a missing, broken or invalid glossary with the fix', () => {
    expect(lintContent(tree({}))).toEqual([{ path: 'content/glossary.json', message: 'missing: the glossary (terms and their non-standard forms) is the one source for the Korean terms; restore it.' }]);
    expect(lintContent(tree({ 'content/glossary.json': '{' }))[0]!.message).toMatch(/^not valid JSON/);
    expect(lintContent(tree({ 'content/glossary.json': JSON.stringify({ terms: [{ en: 'x', ko: 'y', about: { ko: 'a', en: 'b' }, wrong: ['(('] }] }) }))).toEqual([
      { path: 'content/glossary.json', message: '"((" is not a valid regular expression; escape it.' },
    ]);
  });
});
