// The shape of a lab: data plus checks. Runs unchanged in the browser and in Node:
// no Node built-ins here or in any lab.ts.
import type { Clients, Service } from './services.ts';

export type { Clients, Service } from './services.ts';

export type Lang = 'ko' | 'en';
/** Every learner-facing text exists in both languages. */
export interface Text { ko: string; en: string }

/** What a check (and a lab's setup) receives: configured clients for one account. */
export interface LabContext extends Clients {
  account: string;
  region: 'us-east-1';
  /** The sandbox gateway URL, e.g. http://localhost:4566 */
  endpoint: string;
  /** GET a page of the sandbox's S3 website endpoint for a bucket (works in Node and browser). */
  fetchWebsite(bucket: string, path: string): Promise<{ status: number; contentType: string; etag: string; body: string }>;
  /** Aborted when the check's time limit passes; pass it to `client.send(cmd, { abortSignal })` if you loop. */
  signal: AbortSignal;
}

export type CheckStatus = 'pass' | 'fail' | 'error';

export interface CheckResult {
  /** 'error' = could not check (sandbox unreachable, unexpected data): never counts against the learner, but scores 0. */
  status: CheckStatus;
  /** What was found against what was expected. */
  message: Text;
  /** What to change (and why AWS works that way); for failures. */
  hint?: Text;
  /** Resource ids the check looked at. */
  evidence?: string[];
  /** What the check saw happen, in order, with the seconds since it acted (elb-asg's self-healing). */
  timeline?: TimelineEvent[];
}

export interface TimelineEvent {
  event: Text;
  /** Seconds since the check started the sequence, e.g. since it terminated an instance. */
  seconds: number;
}

export interface Check {
  /** Unique within the lab, kebab-case: also the fixture's file name (fixtures/<id>.ts). */
  id: string;
  title: Text;
  points: number;
  /** Milliseconds before the check fails as timed out (default 10 s). */
  timeoutMs?: number;
  /**
   * The lab asks for exactly one of something: running the solution twice must fail this check,
   * with the duplicates' ids in `evidence` and named in the message (proveLab verifies it).
   */
  exactlyOne?: true;
  run(ctx: LabContext): Promise<CheckResult>;
}

export interface Step {
  id: string;
  title: Text;
  checks: Check[];
}

export interface Lab {
  /** The folder name under labs/, e.g. 'ec2-launch'. */
  id: string;
  title: Text;
  summary: Text;
  /** Lesson slugs this lab practises, e.g. ['ec2']. */
  lessons: string[];
  /** SDK clients the learner's code uses (the site loads typings and panels for these). */
  services: Service[];
  steps: Step[];
}

export function defineLab(lab: Lab): Lab {
  return lab;
}

export const pass = (message: Text, evidence?: string[]): CheckResult => ({ status: 'pass', message, evidence });
export const fail = (message: Text, hint: Text, evidence?: string[]): CheckResult => ({ status: 'fail', message, hint, evidence });
export const couldNotCheck = (message: Text): CheckResult => ({ status: 'error', message });

/** Several findings as one text, in both languages. */
export const joinTexts = (texts: Text[], separator = '; '): Text => ({
  ko: texts.map((text) => text.ko).join(separator),
  en: texts.map((text) => text.en).join(separator),
});
