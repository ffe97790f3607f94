// S3 look-ups and the bucket-policy questions that the S3 labs' checks share, answered by the one
// policy evaluator (policy/). Browser-safe: SDK calls only.
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { fail, type CheckResult, type LabContext } from '../lab.ts';
import { allows, statementsOf } from '../../policy/evaluate.ts';
import { publicMayDo, publicStatements } from '../../policy/public.ts';
import { s3Actions } from '../../policy/s3-actions.ts';

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

/** One statement of a policy, and the reading of policy elements, from the one policy evaluator. */
export type { Statement as PolicyStatement } from '../../policy/evaluate.ts';
export { statementsOf as policyStatements, valuesOf as asList } from '../../policy/evaluate.ts';

/** Whether a bucket policy is public under S3's rules for Block Public Access (what the sandbox
 *  refuses while BlockPublicPolicy is on). */
export { isPublicPolicy as policyIsPublic, publicStatements } from '../../policy/public.ts';

/** Whether anyone on the internet may GetObject every object of the bucket (an explicit Deny wins). */
export function anyoneMayReadEveryObject(policy: string | undefined, bucket: string): boolean {
  return allows([policy], { principal: { anonymous: true }, action: 's3:GetObject', resource: { startsWith: `arn:aws:s3:::${bucket}/`, quantifier: 'every' } });
}

/**
 * What the public part of a bucket policy lets anyone do beyond `allowed`, probing every S3 action
 * (so s3:*, s3:Get* or a NotAction count for what they reach) on the bucket and on its objects.
 * Each as "Sid: action" when the statement that grants it has a Sid, for messages.
 */
export function publicActionsBeyond(policy: string | undefined, bucket: string, allowed: string[]): string[] {
  const wanted = new Set(allowed.map((action) => action.toLowerCase()));
  const resourceOf = (on: string) => (on === 'object' ? { startsWith: `arn:aws:s3:::${bucket}/`, quantifier: 'some' as const } : on === 'bucket' ? `arn:aws:s3:::${bucket}` : '*');
  const denies = statementsOf(policy).filter((statement) => statement.Effect === 'Deny');
  return s3Actions
    .filter(({ action }) => !wanted.has(action.toLowerCase()))
    .flatMap(({ action, on }) => {
      const request = { action, resource: resourceOf(on) };
      if (!publicMayDo(policy, request)) return [];
      const by = publicStatements(policy).find((statement) => statement.Sid && publicMayDo({ Statement: [statement, ...denies] }, request));
      return [by ? `${by.Sid}: ${action}` : action];
    });
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
