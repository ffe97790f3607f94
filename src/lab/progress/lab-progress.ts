// Per lab: the learner's code (saved as it is typed) and the last check result.
import { readJson, readKey, writeJson, writeKey } from './storage.ts';

export interface CheckSummary {
  score: number;
  maxScore: number;
  passed: boolean;
  at: string;
  checks: { id: string; status: 'pass' | 'fail' | 'error' }[];
}

export const savedCode = (lab: string): string | null => readKey(`code:${lab}`);
export const saveCode = (lab: string, code: string) => writeKey(`code:${lab}`, code);

export const lastCheck = (lab: string): CheckSummary | undefined => readJson<CheckSummary>(`check:${lab}`);
export const saveCheck = (lab: string, summary: CheckSummary) => writeJson(`check:${lab}`, summary);
