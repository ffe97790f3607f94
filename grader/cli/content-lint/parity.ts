// Korean and English say the same thing: every page exists in both languages, with the same
// sections (heading levels in the same order) and the same quiz (questions, options, answers).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headings, type ContentProblem } from './mdx.ts';
import { answersOf, letters, type Quiz } from './quiz.ts';

export const languages = ['ko', 'en'] as const;

/** `content/ko/x.mdx` ↔ `content/en/x.mdx` */
export const counterpart = (path: string) => path.replace(/^content\/(ko|en)\//, (_, lang: string) => `content/${lang === 'ko' ? 'en' : 'ko'}/`);

export function parityProblems(root: string, koPath: string, quizzes: (path: string) => Quiz[]): ContentProblem[] {
  const enPath = counterpart(koPath);
  if (!existsSync(join(root, enPath))) return [{ path: enPath, message: `missing: ${koPath} has no English counterpart; write it.` }];
  const problems: ContentProblem[] = [];
  const ko = headings(readFileSync(join(root, koPath), 'utf8'));
  const en = headings(readFileSync(join(root, enPath), 'utf8'));
  const shape = (list: typeof ko) => list.map((h) => '#'.repeat(h.depth)).join(' ');
  if (shape(ko) !== shape(en)) {
    const at = ko.findIndex((h, i) => h.depth !== en[i]?.depth);
    const index = at === -1 ? ko.length : at;
    const describe = (h: (typeof ko)[number] | undefined) => (h ? `"${'#'.repeat(h.depth)} ${h.text}" (line ${h.line})` : 'the end of the page');
    problems.push({
      path: enPath,
      message: `sections differ from ${koPath} (${ko.length} against ${en.length} headings): heading ${index + 1} is ${describe(en[index])} in English but ${describe(ko[index])} in Korean; give both the same sections.`,
    });
  }
  const [koQuiz, enQuiz] = [quizzes(koPath), quizzes(enPath)];
  if (koQuiz.length !== enQuiz.length) {
    problems.push({ path: enPath, message: `${enQuiz.length} quiz(zes) against ${koQuiz.length} in ${koPath}; the two languages share one quiz.` });
    return problems;
  }
  koQuiz.forEach((quiz, qi) => {
    const other = enQuiz[qi]!;
    if (quiz.questions.length !== other.questions.length) {
      problems.push({ path: `${enPath}:${other.line}`, message: `${other.questions.length} questions against ${quiz.questions.length} in Korean; translate every question.` });
      return;
    }
    quiz.questions.forEach((question, i) => {
      const theirs = other.questions[i]!;
      const show = (q: typeof question) => answersOf(q).map((a) => letters[a]).join('+');
      if (question.choices.length !== theirs.choices.length || show(question) !== show(theirs)) {
        problems.push({
          path: `${enPath}:${other.line}`,
          message: `question ${i + 1}: ${theirs.choices.length} options, answer ${show(theirs)} in English but ${question.choices.length} options, answer ${show(question)} in Korean; keep the options in the same order in both.`,
        });
      }
    });
  });
  return problems;
}
