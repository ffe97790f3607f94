// The lesson quizzes (<Quiz questions={[...]} /> in MDX) read as data, and the rules that keep
// them exam-grade: four options of similar length, answers spread over the positions, and an
// explanation that says why each wrong option is wrong. The thresholds are stated here once.
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { lineOf, prose } from './mdx.ts';

export const quizQuestionSchema = z.object({
  q: z.string().min(1),
  choices: z.array(z.string().min(1)).min(2),
  /** 0-based index, or several for a "choose two" question. */
  answer: z.union([z.number().int().nonnegative(), z.array(z.number().int().nonnegative()).min(2)]),
  explain: z.string().min(1),
});
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export interface Quiz {
  /** Line of `<Quiz` in the page. */
  line: number;
  questions: QuizQuestion[];
}

export const letters = 'ABCDEF';

/** The correct positions of a question, sorted. */
export const answersOf = (question: QuizQuestion): number[] => (Array.isArray(question.answer) ? [...question.answer].sort((a, b) => a - b) : [question.answer]);

/**
 * The thresholds. Every number here is a judgement, written down so an author knows it.
 * - options: 4 for a single answer; 4 or 5 for "choose two" (the exam's multiple response has 5).
 * - length: options differ "wildly" when the longest is more than 2.5 times the shortest AND more
 *   than 20 characters longer (both, so "3" against "15" or two short phrases do not trip it).
 * - clustering, in one quiz of n answers: no position holds more than max(2, ceil(n / 3)) of
 *   them, and a quiz of 4 or more questions uses at least 3 positions.
 * - the whole course (one language), when it has 12 or more single answers: each of the four
 *   positions holds between 15% and 35% of them (an even spread is 25%).
 * - a correct option that is the strictly longest one is a tell: at most half of a quiz's
 *   single-answer questions (and at most 40% course-wide) may have it.
 */
export const limits = {
  singleChoices: 4,
  multiChoices: [4, 5],
  lengthRatio: 2.5,
  lengthSlack: 20,
  maxPerPosition: (answers: number) => Math.max(2, Math.ceil(answers / 3)),
  minPositions: (questions: number) => (questions >= 4 ? 3 : 1),
  courseMinAnswers: 12,
  courseShare: [0.15, 0.35],
  longestCorrectInQuiz: 0.5,
  longestCorrectInCourse: 0.4,
} as const;

/** Every quiz of a page, evaluated. Throws a one-line error naming the line when one cannot be read. */
export function extractQuizzes(text: string): Quiz[] {
  const body = prose(text);
  const quizzes: Quiz[] = [];
  for (const match of body.matchAll(/<Quiz\b/g)) {
    const start = body.indexOf('questions={', match.index);
    const line = lineOf(body, match.index);
    if (start === -1) throw new Error(`line ${line}: <Quiz> without questions={[...]}`);
    const open = start + 'questions='.length;
    const close = matchingBrace(body, open);
    if (close === -1) throw new Error(`line ${line}: the questions={...} expression is not closed`);
    let value: unknown;
    try {
      // The expression is the page's own code, which the site build runs anyway; a fresh context
      // with a time limit keeps a typo from hanging the lint or reaching anything.
      value = runInNewContext(`(${body.slice(open + 1, close)})`, Object.create(null), { timeout: 1000 });
    } catch (error) {
      throw new Error(`line ${line}: the quiz questions are not a plain literal (${(error as Error).message})`);
    }
    const parsed = z.array(quizQuestionSchema).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`line ${line}: question data at ${issue.path.join('.') || 'top'}: ${issue.message}`);
    }
    quizzes.push({ line, questions: parsed.data });
  }
  return quizzes;
}

/** Index of the `}` closing the `{` at `open`, skipping strings and template literals. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return c === '}' ? i : -1;
    }
  }
  return -1;
}

const length = (text: string) => [...text.trim()].length;

/** Problems of one quiz, each a one-line message naming the question. */
export function quizProblems(quiz: Quiz): string[] {
  const problems: string[] = [];
  const counts = new Map<number, number>();
  let singles = 0;
  let longestCorrect = 0;
  quiz.questions.forEach((question, index) => {
    const name = `question ${index + 1}`;
    const answers = answersOf(question);
    const n = question.choices.length;
    if (answers.some((a) => a >= n) || new Set(answers).size !== answers.length) {
      problems.push(`${name}: answer ${JSON.stringify(question.answer)} is not ${answers.length > 1 ? 'a set of distinct indexes' : 'an index'} into its ${n} choices (0-based)`);
      return;
    }
    if (answers.length === 1 && n !== limits.singleChoices) problems.push(`${name}: has ${n} options; a single-answer question has exactly ${limits.singleChoices}`);
    if (answers.length > 1 && !(limits.multiChoices as readonly number[]).includes(n)) problems.push(`${name}: a "choose ${answers.length}" question has ${n} options; give it ${limits.multiChoices.join(' or ')}`);
    if (answers.length >= n - 1) problems.push(`${name}: ${answers.length} of ${n} options are correct; leave at least two wrong ones`);
    const lengths = question.choices.map(length);
    const [short, long] = [Math.min(...lengths), Math.max(...lengths)];
    if (long > limits.lengthRatio * short && long - short > limits.lengthSlack) {
      problems.push(`${name}: options differ wildly in length (${short} to ${long} characters); make the short ones as specific as the long ones`);
    }
    for (const wrong of question.choices.keys()) {
      if (answers.includes(wrong)) continue;
      const letter = letters[wrong]!;
      if (!new RegExp(`(^|[\\s(])${letter}[):]`).test(question.explain)) {
        problems.push(`${name}: the explanation does not say why ${letter} is wrong; add "${letter}: ..." for it`);
      }
    }
    for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
    if (answers.length === 1) {
      singles++;
      if (lengths.filter((l) => l === long).length === 1 && lengths[answers[0]!] === long) longestCorrect++;
    }
  });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const limit = limits.maxPerPosition(total);
  for (const [position, count] of counts) {
    if (count > limit) problems.push(`answers cluster on ${letters[position]} (${count} of ${total}; at most ${limit}); move some correct options to other positions`);
  }
  const needed = limits.minPositions(quiz.questions.length);
  if (counts.size < needed) problems.push(`answers use only ${counts.size} position(s) (${[...counts.keys()].map((p) => letters[p]).join(', ')}); spread them over at least ${needed}`);
  if (singles >= 2 && longestCorrect > limits.longestCorrectInQuiz * singles) {
    problems.push(`the correct option is the longest one in ${longestCorrect} of ${singles} questions; a learner can guess by length, so lengthen some wrong options`);
  }
  return problems;
}

/** Problems of the course's quizzes in one language, taken together. */
export function courseProblems(quizzes: Quiz[]): string[] {
  const singles = quizzes.flatMap((quiz) => quiz.questions).filter((q) => !Array.isArray(q.answer));
  if (singles.length < limits.courseMinAnswers) return [];
  const problems: string[] = [];
  const [low, high] = limits.courseShare;
  for (let position = 0; position < limits.singleChoices; position++) {
    const share = singles.filter((q) => q.answer === position).length / singles.length;
    if (share < low || share > high) {
      problems.push(`${Math.round(share * 100)}% of the course's single answers are ${letters[position]} (keep each position between ${low * 100}% and ${high * 100}%)`);
    }
  }
  const longest = singles.filter((q) => {
    const lengths = q.choices.map(length);
    const max = Math.max(...lengths);
    return lengths.filter((l) => l === max).length === 1 && lengths[q.answer as number] === max;
  }).length;
  if (longest > limits.longestCorrectInCourse * singles.length) {
    problems.push(`the correct option is the longest one in ${longest} of ${singles.length} questions (at most ${limits.longestCorrectInCourse * 100}%)`);
  }
  return problems;
}
