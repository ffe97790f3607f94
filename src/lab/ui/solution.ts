// Each lab's solution, fetched only when the learner asks for it (after a confirmation), with its
// comments in the page's language.
import { codeForLanguage, type CodeLang } from '../../../grader/code-language.ts';

const solutions = import.meta.glob<string>('../../../labs/*/solution.ts', { query: '?raw', import: 'default' });

export async function loadSolution(lab: string, lang: CodeLang): Promise<string | undefined> {
  const source = await solutions[`../../../labs/${lab}/solution.ts`]?.();
  return source === undefined ? undefined : codeForLanguage(source, lang);
}
