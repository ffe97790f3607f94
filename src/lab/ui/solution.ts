// Each lab's solution, fetched only when the learner asks for it (after a confirmation).
const solutions = import.meta.glob<string>('../../../labs/*/solution.ts', { query: '?raw', import: 'default' });

export async function loadSolution(lab: string): Promise<string | undefined> {
  return solutions[`../../../labs/${lab}/solution.ts`]?.();
}
