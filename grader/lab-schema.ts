// The zod schema a lab definition (the default export of labs/<id>/lab.ts) must satisfy.
import { z } from 'zod';
import { serviceNames } from './services.ts';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "key-pair-exists"');
const text = z.object({
  ko: z.string().min(1, 'needs Korean text'),
  en: z.string().min(1, 'needs English text'),
});
const service = z.enum(serviceNames);

export const checkSchema = z.object({
  id: kebab,
  title: text,
  points: z.number().int('must be a whole number').positive('must be more than 0'),
  timeoutMs: z.number().int().positive().optional(),
  exactlyOne: z.literal(true).optional(),
  run: z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be an async function (ctx) => CheckResult'),
});

export const stepSchema = z.object({
  id: kebab,
  title: text,
  checks: z.array(checkSchema).min(1, 'a step needs at least one check'),
});

export const labSchema = z.object({
  id: kebab,
  title: text,
  summary: text,
  lessons: z.array(z.string()),
  services: z.array(service).min(1, 'list the SDK clients the learner uses, e.g. ["ec2"]'),
  steps: z.array(stepSchema).min(1, 'a lab needs at least one step'),
});

/** One line per problem: the field's path in the definition and what is wrong. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(definition)'}: ${issue.message}`);
}
