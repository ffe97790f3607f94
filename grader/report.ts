// The grade report: the JSON contract every output format (text, json, junit, csv, github) is built from.
import type { CheckStatus } from './lab.ts';

export interface CheckReport {
  id: string;
  /** In the chosen language. */
  title: string;
  passed: boolean;
  points: number;
  maxPoints: number;
  /** What was found against what was expected, in the chosen language. */
  message: string;
  /** What to change; '' when the check passed. */
  hint: string;
  /** 'error' = the check could not run (sandbox unreachable, check threw or timed out). */
  status: CheckStatus;
  /** The id of the step the check belongs to. */
  step: string;
  /** Resource ids the check looked at. */
  evidence: string[];
  /** Only when the check watched something happen: each event, in order, with its seconds. */
  timeline?: { event: string; seconds: number }[];
}

export interface GradeReport {
  lab: string;
  account: string;
  score: number;
  maxScore: number;
  passed: boolean;
  checks: CheckReport[];
}
