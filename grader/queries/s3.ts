// S3 look-ups and bucket-policy reading that the S3 labs' checks share. Browser-safe: SDK calls only.
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { fail, type CheckResult, type LabContext } from '../lab.ts';

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

/** Runs a check on the lab's bucket, or fails it with what to do when the bucket is missing or
 *  belongs to another account (bucket names are global, so the S3 labs put the account id in them). */
export async function withOwnBucket(
  ctx: Pick<LabContext, 's3' | 'signal'>,
  bucket: string,
  then: (bucket: string) => Promise<CheckResult>,
): Promise<CheckResult> {
  const state = await bucketState(ctx, bucket);
  if (state === 'ours') return then(bucket);
  if (state === 'not-ours') {
    return fail(
      { ko: `${bucket} 버킷은 다른 계정의 것입니다.`, en: `Bucket ${bucket} belongs to another account.` },
      {
        ko: `버킷 이름은 전 세계에서 하나뿐이라 다른 사람이 먼저 만든 이름은 쓸 수 없습니다. 이 실습의 이름에 계정 id가 들어가는 이유입니다. 내 계정 id가 맞는지 확인하세요.`,
        en: `Bucket names are global: a name someone else took first cannot be yours. That is why this lab's name carries your account id; check that the account id is yours.`,
      },
      [bucket],
    );
  }
  return fail(
    { ko: `${bucket} 버킷이 없습니다.`, en: `There is no bucket named ${bucket}.` },
    {
      ko: `CreateBucket으로 ${bucket} 버킷을 만드세요. 버킷 이름은 전 세계에서 하나뿐이므로 계정 id를 넣어 겹치지 않게 합니다(계정 id는 STS GetCallerIdentity로 알 수 있습니다).`,
      en: `Create ${bucket} with CreateBucket. Bucket names are global, so the account id keeps yours unique (STS GetCallerIdentity tells you the account id).`,
    },
    [bucket],
  );
}
