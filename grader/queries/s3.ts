// S3 look-ups and bucket-policy reading that the S3 labs' checks share. Browser-safe: SDK calls only.
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { LabContext } from '../lab.ts';

/** The AWS error code of a failed SDK call ('NoSuchBucket', 'NotFound', ...). */
export function errorCode(error: unknown): string {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e?.Code ?? e?.name ?? 'Error';
}

/** Runs an S3 read; resolves undefined when S3 answers with one of `absent` (e.g. NoSuchBucketPolicy). */
export async function unlessMissing<T>(read: Promise<T>, absent: string[]): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (absent.includes(errorCode(error))) return undefined;
    throw error;
  }
}

/** Whether the bucket exists, and if so whether this account may use it. */
export async function bucketState(ctx: Pick<LabContext, 's3' | 'signal'>, bucket: string): Promise<'ours' | 'missing' | 'not-ours'> {
  try {
    await ctx.s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: ctx.signal });
    return 'ours';
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || ['NotFound', 'NoSuchBucket'].includes(errorCode(error))) return 'missing';
    if (status === 403) return 'not-ours';
    throw error;
  }
}

/** One statement of a bucket policy, as S3 stores it. */
export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export function policyStatements(policy: string | undefined): PolicyStatement[] {
  if (!policy) return [];
  try {
    const parsed = JSON.parse(policy) as { Statement?: PolicyStatement | PolicyStatement[] };
    const statements = parsed.Statement ?? [];
    return Array.isArray(statements) ? statements : [statements];
  } catch {
    return [];
  }
}

export function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
}

/** Condition keys that, with fixed values, make a statement non-public for S3 (it names who may call). */
const narrowingKeys = ['aws:sourceip', 'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceaccount',
  'aws:sourceowner', 'aws:principalorgid', 'aws:principalaccount', 'aws:userid', 'aws:principalarn'];

/**
 * An Allow that anyone on the internet gets: principal "*" (or {"AWS": "*"}), or a NotPrincipal,
 * without a condition that narrows who the caller is. This is how S3 decides a policy is "public".
 */
export function allowsThePublic(statement: PolicyStatement): boolean {
  if (statement.Effect !== 'Allow') return false;
  const principal = statement.Principal;
  const everyone = principal === '*'
    || (typeof principal === 'object' && principal !== null && asList((principal as { AWS?: unknown }).AWS).includes('*'))
    || statement.NotPrincipal !== undefined;
  if (!everyone) return false;
  const keys = Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block ?? {}).map((k) => k.toLowerCase()));
  return !keys.some((key) => narrowingKeys.includes(key));
}

/** IAM wildcard match (`*` any run, `?` one character), case-sensitive like resource ARNs. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = `^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`;
  return new RegExp(source, ignoreCase ? 'i' : '').test(value);
}

/** The actions a statement grants, as written ("NotAction" grants everything else: shown as "NOT ..."). */
export function grantedActions(statement: PolicyStatement): string[] {
  if (statement.NotAction !== undefined) return [`everything except ${asList(statement.NotAction).join(', ')}`];
  return asList(statement.Action);
}
