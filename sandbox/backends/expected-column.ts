// A backend's column of the lab x backend matrix, as its test compares it: the scores and the ids
// of failing checks, from gradeEveryLab (matrix.ts) and from matrix-<backend>.json, where every
// check that cannot pass on that backend has its reason.
import { readFileSync } from 'node:fs';
import type { LabScore } from './matrix.ts';

export interface ExpectedColumn {
  /** `<name> <version>` of the backend the file was measured on. */
  backend: string;
  labs: Record<string, { score: number; maxScore: number; failing: Record<string, string> }>;
}

type Column = Record<string, { score: number; maxScore: number; failing: string[] }>;

export function expectedColumn(backend: string): { backend: string; column: Column } {
  const expected = JSON.parse(readFileSync(new URL(`./matrix-${backend}.json`, import.meta.url), 'utf8')) as ExpectedColumn;
  const column = Object.fromEntries(Object.entries(expected.labs).map(([lab, e]) => [lab, { score: e.score, maxScore: e.maxScore, failing: Object.keys(e.failing).sort() }]));
  return { backend: expected.backend, column };
}

export function measuredColumn(scores: LabScore[]): { column: Column; messages: string } {
  const column = Object.fromEntries(scores.map((s) => [s.lab, { score: s.score, maxScore: s.maxScore, failing: s.failing.map((f) => f.id).sort() }]));
  return { column, messages: scores.flatMap((s) => s.failing.map((f) => `${s.lab} ${f.id}: ${f.message}`)).join('\n') };
}
