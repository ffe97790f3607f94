// s3-backup: versioning plus a lifecycle rule for logs/ (spec: /work/shared/labs.md).
import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketVersioningCommand,
  ListObjectVersionsCommand,
  type LifecycleRule,
  type ObjectVersion,
} from '@aws-sdk/client-s3';
import { defineLab, fail, pass, type Check, type CheckResult, type LabContext, type Text } from '../../grader/lab.ts';
import { unlessMissing, withOwnBucket } from '../../grader/queries/s3.ts';

const PREFIX = 'logs/';
const KEY = 'logs/app.log';
const bucketOf = (ctx: LabContext) => `backup-${ctx.account}`;

const withBucket = (ctx: LabContext, then: (bucket: string) => Promise<CheckResult>) => withOwnBucket(ctx, bucketOf(ctx), then);

/** The prefix a rule is filtered to, wherever S3 keeps it: Filter.Prefix, Filter.And.Prefix, or the legacy Prefix. */
function prefixOf(rule: LifecycleRule): string {
  return rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '';
}

/** A rule whose filter also asks for tags applies only to objects that carry them, not to all of logs/. */
function tagsOf(rule: LifecycleRule): string[] {
  const tags = [...(rule.Filter?.Tag ? [rule.Filter.Tag] : []), ...(rule.Filter?.And?.Tags ?? [])];
  return tags.map((tag) => `${tag.Key}=${tag.Value}`);
}

/** An enabled rule on every object under logs/. */
const coversLogs = (rule: LifecycleRule) => rule.Status === 'Enabled' && prefixOf(rule) === PREFIX && tagsOf(rule).length === 0;

const describeRule = (rule: LifecycleRule) =>
  `${rule.ID ?? '(no ID)'} (${rule.Status}, prefix "${prefixOf(rule)}"${tagsOf(rule).length ? `, tags ${tagsOf(rule).join(' ')}` : ''})`;

/**
 * The rules to judge for actions: the enabled, untagged ones on logs/; else those on logs/ (whatever
 * their status: check lifecycle-logs-rule judges that), else every rule (then that check fails on its own).
 */
async function lifecycle(ctx: LabContext, bucket: string, then: (rules: LifecycleRule[]) => CheckResult): Promise<CheckResult> {
  const answer = await unlessMissing(
    ctx.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }), { abortSignal: ctx.signal }),
    ['NoSuchLifecycleConfiguration'],
  );
  const rules = answer?.Rules ?? [];
  if (rules.length === 0) {
    return fail(
      { ko: `${bucket} 버킷에 수명 주기 규칙이 없습니다.`, en: `${bucket} has no lifecycle rules.` },
      {
        ko: `PutBucketLifecycleConfiguration으로 규칙을 넣으세요: Status 'Enabled', Filter { Prefix: '${PREFIX}' }, 그리고 전환(Transitions)과 이전 버전 만료(NoncurrentVersionExpiration). 수명 주기 규칙은 S3가 날짜에 맞춰 알아서 객체를 옮기거나 지우게 합니다.`,
        en: `Add a rule with PutBucketLifecycleConfiguration: Status 'Enabled', Filter { Prefix: '${PREFIX}' }, a transition (Transitions) and an expiry for old versions (NoncurrentVersionExpiration). Lifecycle rules let S3 move or delete objects on schedule, by itself.`,
      },
      [bucket],
    );
  }
  // The actions that really happen to logs/ come from the enabled, untagged rules on it; when there
  // is none, every rule on logs/ is judged (check lifecycle-logs-rule fails on its own).
  const effective = rules.filter(coversLogs);
  const onLogs = rules.filter((rule) => prefixOf(rule) === PREFIX);
  return then(effective.length > 0 ? effective : onLogs.length > 0 ? onLogs : rules);
}

const bucketExists: Check = {
  id: 'bucket-exists',
  title: { ko: '버킷 backup-<계정 id>', en: 'Bucket backup-<account id>' },
  points: 1,
  run: (ctx) => withBucket(ctx, async (bucket) => pass({ ko: `${bucket} 버킷이 있습니다.`, en: `Bucket ${bucket} exists.` }, [bucket])),
};

const versioningEnabled: Check = {
  id: 'versioning-enabled',
  title: { ko: '버전 관리 Enabled', en: 'Versioning Enabled' },
  points: 2,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const { Status } = await ctx.s3.send(new GetBucketVersioningCommand({ Bucket: bucket }), { abortSignal: ctx.signal });
    if (Status === 'Enabled') return pass({ ko: `${bucket} 버킷의 버전 관리가 켜져 있습니다.`, en: `Versioning is Enabled on ${bucket}.` }, [bucket]);
    return fail(
      {
        ko: Status === 'Suspended'
          ? `${bucket} 버킷의 버전 관리가 일시 중지(Suspended) 상태입니다. 기대한 것: Enabled.`
          : `${bucket} 버킷의 버전 관리가 켜져 있지 않습니다. 기대한 것: Enabled.`,
        en: `Versioning on ${bucket} is ${Status ?? 'off (never enabled)'}; expected Enabled.`,
      },
      {
        ko: `버전 관리를 켜면 덮어쓰거나 지운 객체의 이전 버전이 남아서, 실수로 지운 백업도 되살릴 수 있습니다. PutBucketVersioning에 VersioningConfiguration { Status: 'Enabled' }를 주세요. 한 번 켠 버전 관리는 끌 수 없고 일시 중지만 할 수 있습니다.`,
        en: `With versioning, overwriting or deleting an object keeps its previous version, so a backup deleted by mistake can be brought back. Call PutBucketVersioning with VersioningConfiguration { Status: 'Enabled' }. Once enabled, versioning can only be suspended, never turned off.`,
      },
      [bucket],
    );
  }),
};

const lifecycleLogsRule: Check = {
  id: 'lifecycle-logs-rule',
  title: { ko: `${PREFIX}에 적용되는 켜진 수명 주기 규칙`, en: `An enabled lifecycle rule for ${PREFIX}` },
  points: 1,
  run: (ctx) => withBucket(ctx, (bucket) => lifecycle(ctx, bucket, (rules) => {
    const good = rules.find(coversLogs);
    if (good) return pass({ ko: `${describeRule(good)} 규칙이 ${PREFIX}에 적용됩니다.`, en: `Rule ${describeRule(good)} applies to ${PREFIX}.` }, [bucket]);
    const found = rules.map(describeRule).join(', ');
    const onLogs = rules.some((rule) => prefixOf(rule) === PREFIX);
    const tagged = rules.some((rule) => rule.Status === 'Enabled' && prefixOf(rule) === PREFIX && tagsOf(rule).length > 0);
    return fail(
      { ko: `${PREFIX}에 적용되는 켜진 규칙이 없습니다. 찾은 규칙: ${found}.`, en: `No enabled rule applies to ${PREFIX}; found: ${found}.` },
      tagged
        ? {
            ko: `필터에 태그가 있으면 규칙은 그 태그가 붙은 객체에만 적용됩니다. 태그 없이 올라오는 로그(예: ${KEY})는 보관되지도 지워지지도 않습니다. 필터를 Prefix '${PREFIX}'만으로 하세요.`,
            en: `A rule whose filter names tags applies only to objects that carry them: logs uploaded without the tag (such as ${KEY}) are never archived or expired. Filter on the prefix '${PREFIX}' alone.`,
          }
        : onLogs
        ? {
            ko: `Status가 'Disabled'인 규칙은 있어도 아무 일도 하지 않습니다. 규칙의 Status를 'Enabled'로 하세요.`,
            en: `A rule with Status 'Disabled' does nothing at all. Set the rule's Status to 'Enabled'.`,
          }
        : {
            ko: `Filter { Prefix: '${PREFIX}' }를 주면 규칙이 ${PREFIX}로 시작하는 키에만 적용됩니다. 접두사는 글자 그대로 비교하므로 끝의 /까지 정확히 쓰세요. 필터가 비어 있으면 버킷 전체에 적용됩니다.`,
            en: `Filter { Prefix: '${PREFIX}' } limits a rule to keys that start with ${PREFIX}. The prefix is compared character by character, trailing / included; an empty filter means the whole bucket.`,
          },
      [bucket],
    );
  })),
};

const lifecycleGlacier: Check = {
  id: 'lifecycle-glacier-30',
  title: { ko: '30일 뒤 현재 버전을 GLACIER로', en: 'Current versions to GLACIER after 30 days' },
  points: 2,
  run: (ctx) => withBucket(ctx, (bucket) => lifecycle(ctx, bucket, (rules) => {
    const good = rules.find((rule) => rule.Transitions?.some((t) => t.Days === 30 && t.StorageClass === 'GLACIER'));
    if (good) return pass({ ko: `${good.ID ?? ''} 규칙이 현재 버전을 30일 뒤 GLACIER로 옮깁니다.`, en: `Rule ${good.ID ?? ''} moves current versions to GLACIER after 30 days.` }, [bucket]);
    const transitions = rules.flatMap((rule) => rule.Transitions ?? []);
    const noncurrent = rules.some((rule) => rule.NoncurrentVersionTransitions?.some((t) => t.StorageClass === 'GLACIER'));
    const when = (t: (typeof transitions)[number]) => (t.Days !== undefined ? { ko: `${t.Days}일 뒤`, en: `after ${t.Days} days` } : { ko: `${t.Date?.toISOString()}에`, en: `on ${t.Date?.toISOString()}` });
    const found: Text = transitions.length
      ? { ko: transitions.map((t) => `${when(t).ko} ${t.StorageClass}`).join(', '), en: transitions.map((t) => `${t.StorageClass} ${when(t).en}`).join(', ') }
      : { ko: '현재 버전 전환 없음', en: 'no transition of current versions' };
    const hint: Text = noncurrent && transitions.length === 0
      ? {
          ko: `NoncurrentVersionTransitions는 이전 버전만 옮깁니다. 지금 쓰는(현재) 버전을 옮기려면 Transitions: [{ Days: 30, StorageClass: 'GLACIER' }]를 쓰세요.`,
          en: `NoncurrentVersionTransitions moves old versions only. To move the current versions, use Transitions: [{ Days: 30, StorageClass: 'GLACIER' }].`,
        }
      : {
          ko: `Transitions: [{ Days: 30, StorageClass: 'GLACIER' }]를 쓰세요. GLACIER(Glacier Flexible Retrieval)는 저장 비용이 아주 싸지만 꺼내는 데 몇 분에서 몇 시간이 걸리므로, 자주 읽지 않는 오래된 로그에 알맞습니다. GLACIER_IR, DEEP_ARCHIVE는 다른 스토리지 클래스입니다.`,
          en: `Use Transitions: [{ Days: 30, StorageClass: 'GLACIER' }]. GLACIER (Glacier Flexible Retrieval) is very cheap to store but takes minutes to hours to read back: right for old logs nobody reads often. GLACIER_IR and DEEP_ARCHIVE are other storage classes.`,
        };
    return fail(
      { ko: `${PREFIX} 규칙에 30일 뒤 GLACIER 전환이 없습니다(찾은 것: ${found.ko}).`, en: `The ${PREFIX} rule has no transition to GLACIER after 30 days (found: ${found.en}).` },
      hint,
      [bucket],
    );
  })),
};

const lifecycleNoncurrent: Check = {
  id: 'lifecycle-noncurrent-90',
  title: { ko: '이전 버전은 90일 뒤 만료', en: 'Noncurrent versions expire after 90 days' },
  points: 2,
  run: (ctx) => withBucket(ctx, (bucket) => lifecycle(ctx, bucket, (rules) => {
    const good = rules.find((rule) => rule.NoncurrentVersionExpiration?.NoncurrentDays === 90);
    if (good) return pass({ ko: `${good.ID ?? ''} 규칙이 이전 버전을 90일 뒤 지웁니다.`, en: `Rule ${good.ID ?? ''} expires noncurrent versions after 90 days.` }, [bucket]);
    const noncurrent = rules.flatMap((rule) => (rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined ? [`NoncurrentDays ${rule.NoncurrentVersionExpiration.NoncurrentDays}`] : []));
    const current = rules.some((rule) => rule.Expiration?.Days !== undefined);
    const found: Text = noncurrent.length
      ? { ko: noncurrent.join(', '), en: noncurrent.join(', ') }
      : { ko: '이전 버전 만료 없음', en: 'no expiry of noncurrent versions' };
    const hint: Text = current && noncurrent.length === 0
      ? {
          ko: `Expiration은 현재 버전을 만료시킵니다(버전 관리 버킷에서는 삭제 마커가 생겨 로그가 사라진 것처럼 보입니다). 덮어써진 이전 버전을 지우려면 NoncurrentVersionExpiration: { NoncurrentDays: 90 }을 쓰세요.`,
          en: `Expiration expires the current versions (in a versioned bucket it adds delete markers: your logs seem gone). To delete old, replaced versions use NoncurrentVersionExpiration: { NoncurrentDays: 90 }.`,
        }
      : {
          ko: `NoncurrentVersionExpiration: { NoncurrentDays: 90 }을 쓰세요. 버전 관리는 이전 버전을 모두 남기므로 그대로 두면 저장 비용이 끝없이 늘어납니다. 이전 버전이 된 지 90일이 지나면 지우게 하세요.`,
          en: `Use NoncurrentVersionExpiration: { NoncurrentDays: 90 }. Versioning keeps every old version, so storage (and cost) grows forever unless old versions expire: delete them 90 days after they stop being current.`,
        };
    return fail(
      { ko: `${PREFIX} 규칙에 이전 버전 90일 만료가 없습니다(찾은 것: ${found.ko}).`, en: `The ${PREFIX} rule does not expire noncurrent versions after 90 days (found: ${found.en}).` },
      hint,
      [bucket],
    );
  })),
};

const logVersions: Check = {
  id: 'log-versions',
  title: { ko: `${KEY}의 버전 둘 이상`, en: `At least two versions of ${KEY}` },
  points: 2,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const versions: ObjectVersion[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    do {
      const page = await ctx.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: KEY, KeyMarker, VersionIdMarker }), { abortSignal: ctx.signal });
      versions.push(...(page.Versions ?? []).filter((v) => v.Key === KEY));
      KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (KeyMarker);
    const ids = versions.map((v) => `${KEY}?versionId=${v.VersionId}`);
    if (versions.length >= 2) return pass({ ko: `${KEY}의 버전이 ${versions.length}개 있습니다.`, en: `${KEY} has ${versions.length} versions.` }, ids);
    return fail(
      {
        ko: versions.length === 0 ? `${KEY} 객체가 없습니다.` : `${KEY}의 버전이 하나뿐입니다(${versions[0]!.VersionId}).`,
        en: versions.length === 0 ? `There is no object ${KEY}.` : `${KEY} has only one version (${versions[0]!.VersionId}).`,
      },
      {
        ko: `버전 관리를 켠 뒤에 PutObject로 ${KEY}를 두 번 올리세요. 두 번째 쓰기는 새 버전을 만들고 첫 번째는 이전 버전으로 남습니다. 버전 관리를 켜기 전에 덮어쓴 내용은 남지 않습니다.`,
        en: `Upload ${KEY} twice with PutObject after versioning is on: the second write makes a new version and the first stays as a noncurrent one. What was overwritten before versioning was enabled is gone.`,
      },
      ids,
    );
  }),
};

export default defineLab({
  id: 's3-backup',
  title: { ko: '버전 관리와 수명 주기로 로그 백업하기', en: 'Back up logs with versioning and lifecycle' },
  summary: {
    ko: '버전 관리로 덮어쓴 로그도 되살릴 수 있게 하고, 수명 주기 규칙으로 오래된 로그는 Glacier로 옮기고 이전 버전은 지웁니다.',
    en: 'Use versioning so overwritten logs can be restored, and a lifecycle rule that moves old logs to Glacier and deletes old versions.',
  },
  lessons: ['s3'],
  services: ['s3', 'sts'],
  steps: [
    { id: 'bucket', title: { ko: '버킷과 버전 관리', en: 'Bucket and versioning' }, checks: [bucketExists, versioningEnabled] },
    { id: 'lifecycle', title: { ko: '수명 주기 규칙', en: 'Lifecycle rule' }, checks: [lifecycleLogsRule, lifecycleGlacier, lifecycleNoncurrent] },
    { id: 'versions', title: { ko: '로그 버전', en: 'Log versions' }, checks: [logVersions] },
  ],
});
