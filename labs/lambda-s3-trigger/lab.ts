// lambda-s3-trigger: an upload under incoming/ runs thumb-fn, which writes its result under
// processed/ (the photo-processing pattern; spec: /work/shared/labs.md).
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetPolicyCommand } from '@aws-sdk/client-lambda';
import {
  DeleteObjectCommand,
  GetBucketNotificationConfigurationCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type LambdaFunctionConfiguration,
} from '@aws-sdk/client-s3';
import { defineLab, fail, pass, type Check, type CheckResult, type LabContext, type Text } from '../../grader/lab.ts';
import { policiesAllow, probesAllowed, roleNameOf, rolePolicies, type Probe } from '../../grader/queries/iam.ts';
import { findFunction, isModernNode } from '../../grader/queries/lambda.ts';
import { asList, policyStatements, withOwnBucket, type PolicyStatement } from '../../grader/queries/s3.ts';
import { serviceRoleCheck } from '../../grader/queries/service-role-check.ts';
import { allows, type Request } from '../../policy/evaluate.ts';
import { s3Actions } from '../../policy/s3-actions.ts';

const FUNCTION = 'thumb-fn';
const ROLE = 'thumb-exec';
const INCOMING = 'incoming/';
const PROCESSED = 'processed/';
const bucketOf = (ctx: LabContext) => `uploads-${ctx.account}`;
const bucketArnOf = (ctx: LabContext) => `arn:aws:s3:::${bucketOf(ctx)}`;
/** The unqualified ARN: the function itself, not one of its versions or aliases. */
const functionArnOf = (ctx: LabContext) => `arn:aws:lambda:${ctx.region}:${ctx.account}:function:${FUNCTION}`;

const withBucket = (ctx: LabContext, then: (bucket: string) => Promise<CheckResult>) => withOwnBucket(ctx, bucketOf(ctx), then);

const noFunction = () =>
  fail(
    { ko: `Lambda 함수 ${FUNCTION}이(가) 없습니다.`, en: `There is no Lambda function named ${FUNCTION}.` },
    {
      ko: `CreateFunction으로 핸들러를 zip으로 올려 ${FUNCTION}을(를) 만드세요. 실행 역할(Role)로 ${ROLE}의 ARN을 줍니다.`,
      en: `Create ${FUNCTION} with CreateFunction, uploading the handler as a zip, with ${ROLE}'s ARN as its execution role (Role).`,
    },
  );

const bucket: Check = {
  id: 'bucket',
  title: { ko: '버킷 uploads-<계정 id>', en: 'Bucket uploads-<account id>' },
  points: 1,
  run: (ctx) => withBucket(ctx, async (name) => pass({ ko: `${name} 버킷이 있습니다.`, en: `Bucket ${name} exists.` }, [name])),
};

// Trust and AWSLambdaBasicExecutionRole are judged as in the other Lambda lab; the S3 part is this lab's own.
const basicRole = serviceRoleCheck({
  id: 'exec-role',
  title: { ko: `실행 역할 ${ROLE}`, en: `Execution role ${ROLE}` },
  points: 2,
  roleName: ROLE,
  service: 'lambda.amazonaws.com',
  policies: ['AWSLambdaBasicExecutionRole'],
  whyTrust: {
    ko: 'Lambda는 함수를 실행할 때 실행 역할을 수임해(AssumeRole) 그 권한으로 S3를 읽고 쓰므로, 역할이 lambda.amazonaws.com을 신뢰해야 합니다.',
    en: 'Lambda assumes the execution role (AssumeRole) whenever the function runs, and reads and writes S3 with its permissions, so the role must trust lambda.amazonaws.com.',
  },
  whyPolicies: {
    ko: 'AWSLambdaBasicExecutionRole은 함수가 CloudWatch Logs에 로그를 쓰는 권한입니다. 트리거로 실행되는 함수는 출력을 볼 화면이 없으니, 무슨 일이 있었는지는 로그로만 알 수 있습니다.',
    en: 'AWSLambdaBasicExecutionRole lets the function write its logs to CloudWatch Logs. A triggered function has no screen to print to: its logs are the only way to see what happened.',
  },
});

// What thumb-exec may do on S3, read precisely (labs/lambda-s3-trigger/SPEC-NOTES.md): read objects
// under incoming/ (s3:GetObject and the other s3:GetObject... reads of an object), write objects
// under processed/ (s3:PutObject, with s3:PutObjectTagging and s3:AbortMultipartUpload that belong
// to a write), and list the bucket only under incoming/ (s3:ListBucket with an s3:prefix
// condition). Everything else on S3 is broader than the lab asks.
const isRead = (action: string) => action.startsWith('s3:GetObject');
const writes = ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload'];
/** The actions a learner most often grants too widely come first, so messages name them. */
const telling = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:PutObjectAcl'];
const rank = (action: string) => (telling.includes(action) ? telling.indexOf(action) : telling.length);
const probeOrder = [...s3Actions].sort((a, b) => rank(a.action) - rank(b.action));

/** Requests thumb-exec must not be allowed: each S3 action where the lab does not ask for it. */
function broaderProbes(ctx: LabContext): Probe[] {
  const bucket = bucketOf(ctx);
  const bucketArn = bucketArnOf(ctx);
  const otherAccount = ctx.account === '999999999999' ? '888888888888' : '999999999999';
  const some = (prefix: string) => ({ startsWith: `${bucketArn}/${prefix}`, quantifier: 'some' as const });
  const objects: Array<{ resource: Probe['resource']; where: Text; allowed: (action: string) => boolean }> = [
    { resource: some(INCOMING), where: { ko: `${INCOMING} 아래 객체`, en: `objects under ${INCOMING}` }, allowed: isRead },
    { resource: some(PROCESSED), where: { ko: `${PROCESSED} 아래 객체`, en: `objects under ${PROCESSED}` }, allowed: (action) => writes.includes(action) },
    ...['probe.txt', 'other/probe.txt', 'incoming-old/probe.txt', 'processed-old/probe.txt'].map((key) => ({
      resource: `${bucketArn}/${key}`, where: { ko: `${bucket}의 다른 객체(${key})`, en: `other objects of ${bucket} (${key})` }, allowed: () => false,
    })),
    ...[`uploads-${otherAccount}`, 'another-bucket'].map((name) => ({
      resource: `arn:aws:s3:::${name}/${INCOMING}probe.txt`, where: { ko: `다른 버킷(${name})`, en: `another bucket (${name})` }, allowed: () => false,
    })),
  ];
  const probes: Probe[] = [];
  for (const { action, on } of probeOrder) {
    if (on === 'object') {
      for (const target of objects) if (!target.allowed(action)) probes.push({ action, resource: target.resource, where: target.where });
    } else if (on === 'bucket') {
      // s3:ListBucket is fine limited to incoming/ (Condition StringLike s3:prefix incoming/*), not for the whole bucket.
      const contexts: Array<Probe['context']> = action === 's3:ListBucket' ? [{}, { 's3:prefix': PROCESSED }] : [{}];
      for (const context of contexts) probes.push({ action, resource: bucketArn, context, where: { ko: `버킷 ${bucket} 자체`, en: `the bucket ${bucket} itself` } });
      probes.push({ action, resource: 'arn:aws:s3:::another-bucket', where: { ko: '다른 버킷(another-bucket)', en: 'another bucket (another-bucket)' } });
    } else {
      probes.push({ action, resource: '*', where: { ko: '계정 전체(*)', en: 'the whole account (*)' } });
    }
  }
  return probes;
}

const s3Reading = (ctx: LabContext): Text => ({
  ko: `${ROLE}에 필요한 S3 권한은 이것뿐입니다: ${bucketArnOf(ctx)}/${INCOMING}*의 s3:GetObject(읽기), ${bucketArnOf(ctx)}/${PROCESSED}*의 s3:PutObject(쓰기). 버킷의 다른 경로, 다른 버킷, 삭제(s3:DeleteObject), ${INCOMING}에 쓰기, ${PROCESSED} 읽기는 모두 필요 이상입니다. 함수는 이벤트에서 키를 받으므로 s3:ListBucket도 필요 없습니다(꼭 주려면 Condition StringLike s3:prefix "${INCOMING}*"로 ${INCOMING}에 한정하세요). 연결된 관리형 정책도 함께 판단합니다: AmazonS3FullAccess나 AmazonS3ReadOnlyAccess는 계정의 모든 버킷에 미칩니다. 최소 권한 원칙: 함수 코드에 버그가 있거나 탈취되어도 피해가 이 두 경로를 넘지 않습니다.`,
  en: `All ${ROLE} needs on S3 is s3:GetObject (read) on ${bucketArnOf(ctx)}/${INCOMING}* and s3:PutObject (write) on ${bucketArnOf(ctx)}/${PROCESSED}*. Other paths of the bucket, other buckets, deleting (s3:DeleteObject), writing under ${INCOMING} and reading under ${PROCESSED} are all more than it needs. The function gets the key from the event, so it needs no s3:ListBucket either (if you want it, limit it to ${INCOMING} with Condition StringLike s3:prefix "${INCOMING}*"). Attached managed policies count too: AmazonS3FullAccess or AmazonS3ReadOnlyAccess reach every bucket of the account. Least privilege: a bug in the function, or someone who takes it over, can then do no harm beyond these two paths.`,
});

const execRole: Check = {
  ...basicRole,
  async run(ctx) {
    const basic = await basicRole.run(ctx);
    if (basic.status !== 'pass') return basic;
    const bucketArn = bucketArnOf(ctx);
    const policies = await rolePolicies(ctx, ROLE);
    const documents = policies.map((policy) => policy.document);
    // Every object under the prefix: a grant for incoming/*.jpg alone does not count.
    const needs = [['s3:GetObject', INCOMING], ['s3:PutObject', PROCESSED]] as const;
    const missing = needs
      .filter(([action, prefix]) => !policiesAllow(documents, { action, resource: { startsWith: `${bucketArn}/${prefix}`, quantifier: 'every' } }))
      .map(([action, prefix]) => [action, `${bucketArn}/${prefix}*`] as const);
    if (missing.length > 0) {
      return fail(
        {
          ko: `${ROLE}의 권한 정책이 ${missing.map(([action, resource]) => `${resource}의 ${action}`).join(', ')}을(를) 허용하지 않습니다.`,
          en: `${ROLE}'s permission policies do not allow ${missing.map(([action, resource]) => `${action} on ${resource}`).join(' or ')}.`,
        },
        {
          ko: `S3가 함수를 호출할 수 있게 하는 것(리소스 기반 정책)과 함수가 S3를 읽고 쓸 수 있게 하는 것(실행 역할의 권한)은 별개입니다. 함수는 ${ROLE}의 권한으로 원본을 GetObject하고 결과를 PutObject하므로, PutRolePolicy로 인라인 정책을 넣으세요: s3:GetObject는 ${bucketArn}/${INCOMING}*에, s3:PutObject는 ${bucketArn}/${PROCESSED}*에. 필요한 만큼만 주는 것이 최소 권한 원칙입니다. 샌드박스는 IAM 권한을 강제하지 않아 여기서는 함수가 돌아가도, 실제 AWS에서는 AccessDenied로 실패합니다.`,
          en: `Letting S3 invoke the function (its resource-based policy) and letting the function read and write S3 (its execution role) are separate things. The function calls GetObject on the upload and PutObject for the result with ${ROLE}'s permissions, so give the role an inline policy with PutRolePolicy: s3:GetObject on ${bucketArn}/${INCOMING}* and s3:PutObject on ${bucketArn}/${PROCESSED}*, no more (least privilege). The sandbox does not enforce IAM, so the function may work here, but on AWS it would fail with AccessDenied.`,
        },
        basic.evidence,
      );
    }
    const broader = probesAllowed(policies, broaderProbes(ctx));
    if (broader.length > 0) {
      // One line per action: s3:* reaches a few hundred probes, the first few actions say enough.
      const shown = broader.filter((probe, i) => broader.findIndex((other) => other.action === probe.action) === i).slice(0, 3);
      const rest = new Set(broader.map((probe) => probe.action)).size - shown.length;
      const by = [...new Set(shown.flatMap((probe) => probe.by))].join(', ');
      return fail(
        {
          ko: `${ROLE}의 권한 정책이 S3에서 필요 이상을 허용합니다: ${shown.map((p) => `${p.where.ko}에 ${p.action}`).join(', ')}${rest > 0 ? ` 외 작업 ${rest}개` : ''}${by ? ` (허용한 정책: ${by})` : ''}.`,
          en: `${ROLE}'s permission policies allow more on S3 than the lab asks: ${shown.map((p) => `${p.action} on ${p.where.en}`).join(', ')}${rest > 0 ? ` and ${rest} more actions` : ''}${by ? ` (granted by ${by})` : ''}.`,
        },
        s3Reading(ctx),
        basic.evidence,
      );
    }
    return pass(
      {
        ko: `${ROLE}: lambda.amazonaws.com이 맡을 수 있고, AWSLambdaBasicExecutionRole이 연결되어 있으며, S3에서는 ${INCOMING} 읽기와 ${PROCESSED} 쓰기만 허용됩니다.`,
        en: `${ROLE}: assumable by lambda.amazonaws.com, AWSLambdaBasicExecutionRole attached, and on S3 may only read ${INCOMING} and write ${PROCESSED}.`,
      },
      basic.evidence,
    );
  },
};

const lambdaFunction: Check = {
  id: 'function',
  title: { ko: `함수 ${FUNCTION}`, en: `Function ${FUNCTION}` },
  points: 2,
  async run(ctx) {
    const fn = await findFunction(ctx, FUNCTION);
    if (!fn) return noFunction();
    const evidence = fn.FunctionArn ? [fn.FunctionArn] : [];
    const problems: Text[] = [];
    if (!isModernNode(fn.Runtime)) {
      problems.push({ ko: `런타임이 ${fn.Runtime ?? '없음'}입니다(지원 중단되지 않은 nodejs22.x 이상이어야 함)`, en: `runtime is ${fn.Runtime ?? 'none'} (expected nodejs22.x or newer, a runtime that is not deprecated)` });
    }
    if (roleNameOf(fn.Role) !== ROLE || !fn.Role?.includes(`:${ctx.account}:`)) {
      problems.push({ ko: `실행 역할이 ${fn.Role ?? '없음'}입니다(${ROLE}이어야 함)`, en: `role is ${fn.Role ?? 'none'} (expected ${ROLE})` });
    }
    if (problems.length === 0) {
      return pass({ ko: `${FUNCTION}: ${fn.Runtime}, 역할 ${ROLE}.`, en: `${FUNCTION}: ${fn.Runtime}, role ${ROLE}.` }, evidence);
    }
    return fail(
      { ko: `${FUNCTION}: ${problems.map((p) => p.ko).join('; ')}.`, en: `${FUNCTION}: ${problems.map((p) => p.en).join('; ')}.` },
      {
        ko: `지원 중단(deprecated)된 런타임(nodejs20.x 이하) 대신 nodejs22.x나 nodejs24.x를 쓰고, 실행 역할로 ${ROLE}을(를) 주세요. 이미 만든 함수는 UpdateFunctionConfiguration으로 고칠 수 있습니다.`,
        en: `Use nodejs22.x or nodejs24.x rather than a deprecated runtime (nodejs20.x and older), with ${ROLE} as the execution role. UpdateFunctionConfiguration changes an existing function.`,
      },
      evidence,
    );
  },
};

/** The function's resource-based policy, or undefined when it has none. */
async function functionPolicy(ctx: LabContext): Promise<string | undefined> {
  try {
    return (await ctx.lambda.send(new GetPolicyCommand({ FunctionName: FUNCTION }), { abortSignal: ctx.signal })).Policy;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

function servicePrincipals(statement: PolicyStatement): string[] {
  const principal = statement.Principal;
  if (typeof principal === 'string') return [principal];
  return typeof principal === 'object' && principal !== null ? asList((principal as { Service?: unknown }).Service) : [];
}

/** The values an aws:SourceArn condition names, for messages only: what a statement allows is
 *  decided by the policy evaluator. */
function sourceArns(statement: PolicyStatement): string[] {
  return Object.entries(statement.Condition ?? {})
    .filter(([operator]) => /^(arn|string)(like|equals)$/i.test(operator))
    .flatMap(([, block]) => Object.entries(block ?? {}).filter(([key]) => key.toLowerCase() === 'aws:sourcearn').flatMap(([, value]) => asList(value)));
}

/** S3's request to invoke the function for an event of `sourceArn`'s bucket owned by `sourceAccount`
 *  (S3 sends both keys: https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html). */
const s3Invokes = (ctx: LabContext, sourceArn: string, sourceAccount: string): Request => ({
  principal: { service: 's3.amazonaws.com' },
  action: 'lambda:InvokeFunction',
  resource: functionArnOf(ctx),
  context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': sourceAccount },
});

/** Buckets that must not be able to run the function: one named like the learner's (which a
 *  wildcard such as uploads-* would let in) and one not, each in the learner's account and another. */
const otherBuckets = (ctx: LabContext): Request[] => {
  const foreign = ctx.account === '999999999999' ? '888888888888' : '999999999999';
  return [`${bucketOf(ctx)}-other`, 'someone-elses-bucket'].flatMap((name) =>
    [ctx.account, foreign].map((account) => s3Invokes(ctx, `arn:aws:s3:::${name}`, account)));
};

const addPermissionHint = (ctx: LabContext): Text => ({
  ko: `S3가 함수를 호출하려면 함수의 리소스 기반 정책이 그것을 허용해야 합니다. AddPermission을 FunctionName '${FUNCTION}', StatementId(아무 이름), Action 'lambda:InvokeFunction', Principal 's3.amazonaws.com', SourceArn '${bucketArnOf(ctx)}', SourceAccount '${ctx.account}'로 호출하세요.`,
  en: `For S3 to invoke the function, the function's resource-based policy must allow it. Call AddPermission with FunctionName '${FUNCTION}', a StatementId of your choice, Action 'lambda:InvokeFunction', Principal 's3.amazonaws.com', SourceArn '${bucketArnOf(ctx)}' and SourceAccount '${ctx.account}'.`,
});

const permission: Check = {
  id: 'permission',
  title: { ko: 'S3가 이 버킷에서만 thumb-fn을 호출', en: 'S3 may invoke thumb-fn for this bucket only' },
  points: 2,
  async run(ctx) {
    const fn = await findFunction(ctx, FUNCTION);
    if (!fn) return noFunction();
    const evidence = fn.FunctionArn ? [fn.FunctionArn] : [];
    const bucketArn = bucketArnOf(ctx);
    const policy = await functionPolicy(ctx);
    const documents = policy === undefined ? [] : [policy];
    const forS3 = policyStatements(policy).filter((s) =>
      s.Effect === 'Allow'
      && servicePrincipals(s).includes('s3.amazonaws.com')
      && asList(s.Action).some((action) => /^lambda:(invokefunction|\*)$|^\*$/i.test(action)));
    if (forS3.length === 0) {
      return fail(
        { ko: `${FUNCTION}의 리소스 기반 정책에 s3.amazonaws.com에 lambda:InvokeFunction을 허용하는 문장이 없습니다.`, en: `${FUNCTION}'s resource-based policy has no statement that allows s3.amazonaws.com to lambda:InvokeFunction.` },
        addPermissionHint(ctx),
        evidence,
      );
    }
    // Could a bucket other than the learner's run the function? Conditions the evaluator cannot
    // read count as letting it (lean 'allow'): a deputy that might be confused is one.
    const open = forS3.filter((s) => otherBuckets(ctx).some((request) => allows([{ Statement: [s] }], request, { lean: 'allow' })));
    if (open.length > 0 && otherBuckets(ctx).some((request) => allows(documents, request, { lean: 'allow' }))) {
      const names = open.map((s) => s.Sid ?? '(no Sid)').join(', ');
      return fail(
        { ko: `${names} 문장이 s3.amazonaws.com에 호출을 허용하면서 aws:SourceArn으로 이 버킷만으로 제한하지 않습니다.`, en: `Statement ${names} allows s3.amazonaws.com to invoke the function without limiting it to this bucket with aws:SourceArn.` },
        {
          ko: `SourceArn이 없으면 어느 계정의 어느 버킷이든 알림 대상으로 ${FUNCTION}을(를) 지정해 여러분의 함수를 실행시킬 수 있습니다. S3라는 서비스가 남의 부탁을 대신 들어주는 "혼동된 대리자(confused deputy)"가 되는 것입니다. RemovePermission으로 이 문장을 지우고, SourceArn '${bucketArn}'(그리고 버킷 ARN에는 계정 id가 없으니 SourceAccount '${ctx.account}'도)를 주어 AddPermission을 다시 호출하세요.`,
          en: `Without SourceArn, any bucket in any account could name ${FUNCTION} as its notification target and run your function: S3 would act as a "confused deputy", doing another account's bidding with your permission. Remove this statement with RemovePermission and call AddPermission again with SourceArn '${bucketArn}' (and SourceAccount '${ctx.account}', since a bucket ARN carries no account id).`,
        },
        evidence,
      );
    }
    if (!allows(documents, s3Invokes(ctx, bucketArn, ctx.account))) {
      const found = [...new Set(forS3.flatMap(sourceArns))].join(', ');
      return fail(
        found
          ? { ko: `s3.amazonaws.com의 호출이 ${found}(으)로만 허용되어 있습니다. ${bucketArn}이어야 합니다.`, en: `s3.amazonaws.com may invoke the function only for ${found}; expected ${bucketArn}.` }
          : { ko: `${FUNCTION}의 리소스 기반 정책이 ${bucketArn}의 이벤트로 s3.amazonaws.com이 호출하는 것을 허용하지 않습니다 (조건이나 Deny 문장을 확인하세요).`, en: `${FUNCTION}'s resource-based policy does not let s3.amazonaws.com invoke it for events of ${bucketArn} (check its conditions and Deny statements).` },
        addPermissionHint(ctx),
        evidence,
      );
    }
    return pass(
      { ko: `s3.amazonaws.com이 ${bucketArn}에서 온 이벤트로만 ${FUNCTION}을(를) 호출할 수 있습니다.`, en: `s3.amazonaws.com may invoke ${FUNCTION} for ${bucketArn} only.` },
      evidence,
    );
  },
};

const prefixOf = (configuration: LambdaFunctionConfiguration) =>
  configuration.Filter?.Key?.FilterRules?.find((rule) => rule.Name?.toLowerCase() === 'prefix')?.Value ?? '';
const suffixOf = (configuration: LambdaFunctionConfiguration) =>
  configuration.Filter?.Key?.FilterRules?.find((rule) => rule.Name?.toLowerCase() === 'suffix')?.Value ?? '';
const sendsPuts = (configuration: LambdaFunctionConfiguration) =>
  (configuration.Events ?? []).some((event) => event === 's3:ObjectCreated:*' || event === 's3:ObjectCreated:Put');
/** A prefix that the function's own writes under processed/ can match. */
const coversProcessed = (prefix: string) => PROCESSED.startsWith(prefix) || prefix.startsWith(PROCESSED);

async function lambdaNotifications(ctx: LabContext, bucket: string): Promise<LambdaFunctionConfiguration[]> {
  const answer = await ctx.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }), { abortSignal: ctx.signal });
  return answer.LambdaFunctionConfigurations ?? [];
}

/** The bucket's Lambda notifications that reach thumb-fn (the function itself, or a version or alias of it). */
function toOurFunction(ctx: LabContext, configurations: LambdaFunctionConfiguration[]) {
  const arn = functionArnOf(ctx);
  return configurations.filter((c) => c.LambdaFunctionArn === arn || c.LambdaFunctionArn?.startsWith(`${arn}:`));
}

const notificationHint = (ctx: LabContext): Text => ({
  ko: `PutBucketNotificationConfiguration에 LambdaFunctionConfigurations를 주세요: LambdaFunctionArn '${functionArnOf(ctx)}', Events ['s3:ObjectCreated:*'], Filter { Key: { FilterRules: [{ Name: 'prefix', Value: '${INCOMING}' }] } }. 이 호출은 버킷의 알림 설정 전체를 바꾸고, S3가 함수를 호출해도 되는지 먼저 확인하므로 AddPermission 다음에 불러야 합니다.`,
  en: `Call PutBucketNotificationConfiguration with LambdaFunctionConfigurations: LambdaFunctionArn '${functionArnOf(ctx)}', Events ['s3:ObjectCreated:*'], Filter { Key: { FilterRules: [{ Name: 'prefix', Value: '${INCOMING}' }] } }. It replaces the bucket's whole notification configuration, and S3 first checks that it may invoke the function, so call it after AddPermission.`,
});

const notification: Check = {
  id: 'notification',
  title: { ko: 'incoming/ 업로드가 thumb-fn을 실행', en: 'Uploads under incoming/ run thumb-fn' },
  points: 2,
  run: (ctx) => withBucket(ctx, async (name) => {
    const all = await lambdaNotifications(ctx, name);
    const ours = toOurFunction(ctx, all);
    if (ours.length === 0) {
      const others = all.map((c) => c.LambdaFunctionArn).join(', ');
      return fail(
        {
          ko: `${name} 버킷의 알림 설정에 ${FUNCTION}(으)로 가는 Lambda 알림이 없습니다${others ? ` (있는 것: ${others})` : ''}.`,
          en: `${name}'s notification configuration sends nothing to ${FUNCTION}${others ? ` (it has: ${others})` : ''}.`,
        },
        notificationHint(ctx),
        [name],
      );
    }
    const loops = ours.filter((c) => (c.Events ?? []).some((event) => event.startsWith('s3:ObjectCreated:')) && coversProcessed(prefixOf(c)));
    if (loops.length > 0) {
      const prefix = prefixOf(loops[0]!);
      return fail(
        prefix === ''
          ? { ko: `${FUNCTION}(으)로 가는 알림에 접두사 필터가 없어, 버킷의 모든 새 객체가 함수를 실행합니다.`, en: `The notification to ${FUNCTION} has no prefix filter: every new object in the bucket runs the function.` }
          : { ko: `${FUNCTION}(으)로 가는 알림의 접두사 '${prefix}'가 ${PROCESSED}에도 맞습니다.`, en: `The notification to ${FUNCTION} filters on prefix '${prefix}', which ${PROCESSED} matches too.` },
        {
          ko: `함수가 결과를 같은 버킷의 ${PROCESSED}에 쓰면 그 쓰기도 "객체 생성" 이벤트라서 함수가 다시 실행되고, 또 결과를 쓰고, 끝없이 반복됩니다(재귀 루프). 호출마다 요금이 나가고, 계정의 동시 실행 한도를 다 써 버릴 수도 있습니다. 필터 접두사를 정확히 '${INCOMING}'로 주어, 업로드만 함수를 깨우고 함수 자신의 결과는 깨우지 않게 하세요.`,
          en: `When the function writes its result to ${PROCESSED} in the same bucket, that write is an "object created" event too: it runs the function again, which writes again, without end (a recursive loop) that you pay for per invocation and that can use up your concurrency. Filter on exactly the prefix '${INCOMING}', so that uploads wake the function and its own results do not.`,
        },
        [name],
      );
    }
    if (ours.some((c) => c.LambdaFunctionArn === functionArnOf(ctx) && sendsPuts(c) && prefixOf(c) === INCOMING)) {
      return pass({ ko: `${INCOMING} 아래에 새 객체가 생기면 ${FUNCTION}이(가) 실행됩니다.`, en: `A new object under ${INCOMING} runs ${FUNCTION}.` }, [name]);
    }
    const found = ours.map((c) => `${c.LambdaFunctionArn} [${(c.Events ?? []).join(', ')}] prefix '${prefixOf(c)}'`).join('; ');
    return fail(
      {
        ko: `${FUNCTION}(으)로 가는 알림: ${found}. 기대한 것: 함수 자체의 ARN(${functionArnOf(ctx)}), s3:ObjectCreated:* 또는 s3:ObjectCreated:Put 이벤트, 접두사 정확히 '${INCOMING}'.`,
        en: `The notifications to ${FUNCTION} are: ${found}. Expected the function's own ARN (${functionArnOf(ctx)}), the event s3:ObjectCreated:* or s3:ObjectCreated:Put, and exactly the prefix '${INCOMING}'.`,
      },
      notificationHint(ctx),
      [name],
    );
  }),
};

/** Polls soon, then less often: a warm function answers in tens of milliseconds, a cold one on AWS in seconds. */
const pollDelay = (attempt: number) => Math.min(25 * 1.5 ** attempt, 500);
const WAIT_MS = 20_000;

/** Keys of the bucket under `prefix` whose name contains `marker` (all pages). */
async function keysWith(ctx: LabContext, bucket: string, prefix: string, marker: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await ctx.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }), { abortSignal: ctx.signal });
    keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key?.includes(marker) ? [object.Key] : [])));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** The grader's upload after its marker: a space and Hangul, which S3 events URL-encode, and the
 *  name and type of a photo, so that a handler (or a suffix filter) that takes only images runs too. */
const UPLOAD_NAME = '사진 photo.jpg';
/** A result named from the still-encoded key: "+" or "%XX" where the upload had a space or Hangul. */
const isUndecoded = (key: string, marker: string) => /^[+%]/.test(key.slice(key.indexOf(marker) + marker.length));

const decodeHint: Text = {
  ko: 'S3 이벤트의 s3.object.key는 URL 인코딩되어 있습니다(공백은 +, 한글은 %EC%82%AC 같은 바이트). decodeURIComponent(key.replace(/\\+/g, \' \'))로 푼 키로 GetObject하고 결과 이름을 지으세요. 풀지 않으면 공백이나 한글이 든 이름의 업로드는 실제 AWS에서 NoSuchKey로 실패합니다.',
  en: 'The key in an S3 event (s3.object.key) is URL-encoded: a space is +, Hangul is bytes such as %EC%82%AC. Decode it with decodeURIComponent(key.replace(/\\+/g, \' \')) before GetObject and before naming the result; without that, an upload whose name has a space or Hangul fails with NoSuchKey on AWS.',
};

/** The last error in the function's log of the past few minutes ("NoSuchBucket: ..."), if any. */
async function lastLoggedError(ctx: LabContext): Promise<string | undefined> {
  try {
    const { events = [] } = await ctx.logs.send(
      new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${FUNCTION}`, startTime: Date.now() - 5 * 60_000 }),
      { abortSignal: ctx.signal },
    );
    for (const { message = '' } of events.reverse()) {
      const thrown = /Invoke Error\s*(\{.*\})/s.exec(message)?.[1];
      if (thrown) {
        const error = JSON.parse(thrown) as { errorType?: string; errorMessage?: string };
        return `${error.errorType ?? 'Error'}: ${(error.errorMessage ?? '').split('\n')[0]!.slice(0, 200)}`;
      }
      const timedOut = /Task timed out after [\d.]+ seconds/.exec(message)?.[0];
      if (timedOut) return timedOut;
    }
  } catch {
    // No log group (the function never ran) or a log line that is not JSON: nothing to add.
  }
  return undefined;
}

const pipeline: Check = {
  id: 'pipeline',
  title: { ko: '업로드하면 processed/에 결과가 생김', en: 'An upload produces a result under processed/' },
  points: 3,
  // The grader waits up to 20 s for the function; the rest covers a slow cold start and the clean-up.
  timeoutMs: 30_000,
  run: (ctx) => withBucket(ctx, async (name) => {
    if (!(await findFunction(ctx, FUNCTION))) return noFunction();
    const marker = `infralabs-check-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    // A space and a non-ASCII character, as in real uploads ("my photo 사진.jpg"): the event carries
    // the key URL-encoded ("+" for a space), and only a handler that decodes it finds the upload.
    const upload = `${INCOMING}${marker} ${UPLOAD_NAME}`;
    const delivers = toOurFunction(ctx, await lambdaNotifications(ctx, name))
      .some((c) => sendsPuts(c) && upload.startsWith(prefixOf(c)) && upload.endsWith(suffixOf(c)));
    if (!delivers) {
      return fail(
        { ko: `${name} 버킷에 ${INCOMING} 아래 업로드를 ${FUNCTION}(으)로 보내는 알림이 없어, 채점기가 시험 업로드를 하지 않았습니다.`, en: `${name} has no notification that would send an upload under ${INCOMING} to ${FUNCTION}, so the grader did not try one.` },
        notificationHint(ctx),
        [name],
      );
    }
    const caused = new Set([upload]);
    try {
      const started = Date.now();
      await ctx.s3.send(new PutObjectCommand({ Bucket: name, Key: upload, Body: 'hello from the Infra Labs grader\n', ContentType: 'image/jpeg' }), { abortSignal: ctx.signal });
      for (let attempt = 0; Date.now() - started < WAIT_MS && !ctx.signal.aborted; attempt++) {
        const results = await keysWith(ctx, name, PROCESSED, marker);
        for (const key of results) caused.add(key);
        const undecoded = results.filter((key) => isUndecoded(key, marker));
        const result = results.find((key) => !undecoded.includes(key));
        if (!result && undecoded.length > 0) {
          return fail(
            {
              ko: `${FUNCTION}이(가) 결과를 ${undecoded.join(', ')}(으)로 썼습니다. 올린 객체의 키는 ${upload}입니다. 이벤트의 URL 인코딩된 키를 풀지 않고 썼습니다.`,
              en: `${FUNCTION} wrote its result as ${undecoded.join(', ')} for the upload ${upload}: it used the event's URL-encoded key without decoding it.`,
            },
            decodeHint,
            [`s3://${name}/${upload}`, ...undecoded.map((key) => `s3://${name}/${key}`)],
          );
        }
        if (result) {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          return pass(
            { ko: `${upload}을(를) 올리자 ${seconds}초 안에 ${FUNCTION}이(가) ${result}을(를) 썼습니다.`, en: `Uploading ${upload} made ${FUNCTION} write ${result} within ${seconds} s.` },
            [`s3://${name}/${upload}`, `s3://${name}/${result}`],
          );
        }
        await new Promise((resolve) => setTimeout(resolve, pollDelay(attempt)));
      }
      const elsewhere = (await keysWith(ctx, name, '', marker)).filter((key) => key !== upload);
      for (const key of elsewhere) caused.add(key);
      if (elsewhere.length > 0) {
        return fail(
          { ko: `${FUNCTION}이(가) 결과를 ${elsewhere.join(', ')}에 썼습니다. ${PROCESSED} 아래여야 합니다.`, en: `${FUNCTION} wrote its result as ${elsewhere.join(', ')}, not under ${PROCESSED}.` },
          {
            ko: `결과는 같은 버킷의 ${PROCESSED} 아래에 쓰세요(예: ${PROCESSED}<원본 이름>). ${INCOMING}와 ${PROCESSED}를 나누어야 알림 필터가 업로드와 결과를 구별할 수 있습니다.`,
            en: `Write the result under ${PROCESSED} in the same bucket (e.g. ${PROCESSED}<original name>). Keeping ${INCOMING} and ${PROCESSED} apart is what lets the notification filter tell uploads from results.`,
          },
          [`s3://${name}/${upload}`, ...elsewhere.map((key) => `s3://${name}/${key}`)],
        );
      }
      const logged = await lastLoggedError(ctx);
      return fail(
        {
          ko: `${upload}을(를) 올린 뒤 ${WAIT_MS / 1000}초 동안 ${PROCESSED} 아래에 결과가 생기지 않았습니다.${logged ? ` 함수 로그의 최근 오류: ${logged}` : ''}`,
          en: `Nothing appeared under ${PROCESSED} within ${WAIT_MS / 1000} s of uploading ${upload}.${logged ? ` The function's log shows a recent error: ${logged}` : ''}`,
        },
        {
          ko: `함수의 로그 그룹 /aws/lambda/${FUNCTION}을(를) 보세요. 함수가 실행되었는지, 오류를 냈는지 알 수 있습니다. 흔한 원인: 이벤트의 키는 URL 인코딩되어 있어(공백은 +) decodeURIComponent(key.replace(/\\+/g, ' '))로 풀어야 GetObject가 찾습니다. 핸들러는 event.Records의 각 레코드에서 s3.bucket.name과 s3.object.key를 읽고, 원본을 GetObject한 뒤 결과를 같은 버킷의 ${PROCESSED} 아래에 PutObject해야 합니다.`,
          en: `Look at the function's log group /aws/lambda/${FUNCTION}: did it run, did it throw? A common cause: keys in S3 events are URL-encoded (a space is +), so decode them with decodeURIComponent(key.replace(/\\+/g, ' ')) before GetObject. For each record of event.Records the handler reads s3.bucket.name and s3.object.key, GETs the upload and PUTs its result under ${PROCESSED} in the same bucket.`,
        },
        [`s3://${name}/${upload}`],
      );
    } finally {
      // Without the check's signal: the clean-up runs even after a time-out.
      await Promise.all([...caused].map((key) => ctx.s3.send(new DeleteObjectCommand({ Bucket: name, Key: key })).catch(() => undefined)));
    }
  }),
};

export default defineLab({
  id: 'lambda-s3-trigger',
  title: { ko: 'S3 업로드로 Lambda 실행하기', en: 'Run Lambda when a file lands in S3' },
  summary: {
    ko: '사진 처리 패턴을 만듭니다. 버킷의 incoming/ 아래에 파일이 올라오면 S3 이벤트 알림이 Lambda 함수를 실행하고, 함수는 결과를 processed/ 아래에 씁니다. 호출 권한을 내 버킷으로만 좁히고, 함수가 자기 결과로 다시 깨어나는 루프를 피합니다.',
    en: 'Build the photo-processing pattern: a file uploaded under incoming/ makes an S3 event notification run a Lambda function, which writes its result under processed/. Limit the invoke permission to your bucket, and keep the function from waking itself with its own output.',
  },
  lessons: ['lambda', 's3'],
  services: ['s3', 'iam', 'lambda', 'sts'],
  steps: [
    { id: 'bucket', title: { ko: '업로드 버킷', en: 'The uploads bucket' }, checks: [bucket] },
    { id: 'function', title: { ko: '실행 역할과 함수', en: 'The role and the function' }, checks: [execRole, lambdaFunction] },
    { id: 'trigger', title: { ko: 'S3 트리거', en: 'The S3 trigger' }, checks: [permission, notification] },
    { id: 'pipeline', title: { ko: '업로드에서 결과까지', en: 'From upload to result' }, checks: [pipeline] },
  ],
});
