// `infralabs lint` for the teaching content: the glossary's terms, the quizzes' balance, ko/en
// parity (same pages, sections and quiz answers) and internal links. Node only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary, termProblems } from './glossary.ts';
import { pages, type ContentProblem } from './mdx.ts';
import { counterpart, languages, parityProblems } from './parity.ts';
import { courseProblems, extractQuizzes, quizProblems, type Quiz } from './quiz.ts';
import { linkProblems } from './links.ts';

export type { ContentProblem } from './mdx.ts';

export function lintContent(root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { glossary, problems: glossaryProblems } = loadGlossary(root);
  problems.push(...glossaryProblems);
  if (glossary) problems.push(...termProblems(root, glossary));

  const cache = new Map<string, Quiz[]>();
  const quizzes = (path: string): Quiz[] => {
    if (!cache.has(path)) {
      try {
        cache.set(path, extractQuizzes(readFileSync(join(root, path), 'utf8')));
      } catch (error) {
        problems.push({ path, message: `${(error as Error).message}; fix the <Quiz> block.` });
        cache.set(path, []);
      }
    }
    return cache.get(path)!;
  };

  const korean = new Set(pages(root, 'content/ko'));
  for (const lang of languages) {
    const all = pages(root, `content/${lang}`);
    const course: Quiz[] = [];
    for (const path of all) {
      for (const quiz of quizzes(path)) {
        course.push(quiz);
        for (const message of quizProblems(quiz)) problems.push({ path: `${path}:${quiz.line}`, message: `quiz ${message}.` });
      }
      problems.push(...linkProblems(root, path));
      if (lang === 'ko') problems.push(...parityProblems(root, path, quizzes));
      else if (!korean.has(counterpart(path))) problems.push({ path: counterpart(path), message: `missing: ${path} has no Korean counterpart; write it.` });
    }
    for (const message of courseProblems(course)) problems.push({ path: `content/${lang}`, message: `quizzes: ${message}.` });
  }
  return problems;
}
