// s3-website: a public static website on S3 (spec: /work/shared/labs.md).
import {
  GetBucketPolicyCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
} from '@aws-sdk/client-s3';
import { couldNotCheck, defineLab, fail, pass, type Check, type CheckResult, type LabContext } from '../../grader/lab.ts';
import { anyoneMayReadEveryObject, publicActionsBeyond, unlessMissing, withOwnBucket } from '../../grader/queries/s3.ts';

const INDEX = 'index.html';
const ERROR = 'error.html';
const bucketOf = (ctx: LabContext) => `site-${ctx.account}`;

const withBucket = (ctx: LabContext, then: (bucket: string) => Promise<CheckResult>) => withOwnBucket(ctx, bucketOf(ctx), then);

async function bucketPolicy(ctx: LabContext, bucket: string): Promise<string | undefined> {
  const answer = await unlessMissing(ctx.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }), { abortSignal: ctx.signal }), ['NoSuchBucketPolicy']);
  return answer?.Policy;
}

const bucketExists: Check = {
  id: 'bucket-exists',
  title: { ko: '버킷 site-<계정 id>', en: 'Bucket site-<account id>' },
  points: 1,
  run: (ctx) => withBucket(ctx, async (bucket) => pass({ ko: `${bucket} 버킷이 있습니다.`, en: `Bucket ${bucket} exists.` }, [bucket])),
};

const websiteDocuments: Check = {
  id: 'website-documents',
  title: { ko: `웹 사이트 설정: ${INDEX}, ${ERROR}`, en: `Website configuration: ${INDEX}, ${ERROR}` },
  points: 2,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const website = await unlessMissing(ctx.s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }), { abortSignal: ctx.signal }), ['NoSuchWebsiteConfiguration']);
    if (!website) {
      return fail(
        { ko: `${bucket} 버킷에 정적 웹 사이트 호스팅 설정이 없습니다.`, en: `${bucket} has no static website hosting configuration.` },
        {
          ko: `PutBucketWebsite로 WebsiteConfiguration을 주세요: IndexDocument { Suffix: '${INDEX}' }, ErrorDocument { Key: '${ERROR}' }. 이 설정이 있어야 S3가 웹 사이트 엔드포인트로 페이지를 내어 줍니다.`,
          en: `Call PutBucketWebsite with a WebsiteConfiguration: IndexDocument { Suffix: '${INDEX}' }, ErrorDocument { Key: '${ERROR}' }. Without it, S3 serves no website endpoint for the bucket.`,
        },
        [bucket],
      );
    }
    const index = website.IndexDocument?.Suffix;
    const error = website.ErrorDocument?.Key;
    if (index === INDEX && error === ERROR) {
      return pass({ ko: `인덱스 문서 ${INDEX}, 오류 문서 ${ERROR}로 설정되어 있습니다.`, en: `Index document ${INDEX}, error document ${ERROR}.` }, [bucket]);
    }
    const found = `IndexDocument ${index ?? '(none)'}, ErrorDocument ${error ?? '(none)'}`;
    return fail(
      { ko: `웹 사이트 설정이 다릅니다: ${found}. 기대한 것: ${INDEX}, ${ERROR}.`, en: `The website configuration is ${found}; expected ${INDEX} and ${ERROR}.` },
      {
        ko: `인덱스 문서는 '/'로 끝나는 주소에 보여 줄 파일이고, 오류 문서는 없는 페이지를 요청했을 때 보여 줄 파일입니다. PutBucketWebsite를 IndexDocument { Suffix: '${INDEX}' }, ErrorDocument { Key: '${ERROR}' }로 다시 호출하세요(설정 전체가 바뀝니다).`,
        en: `The index document answers addresses ending in '/'; the error document answers requests for pages that do not exist. Call PutBucketWebsite again with IndexDocument { Suffix: '${INDEX}' } and ErrorDocument { Key: '${ERROR}' } (it replaces the whole configuration).`,
      },
      [bucket],
    );
  }),
};

const objectsHtml: Check = {
  id: 'objects-html',
  title: { ko: `${INDEX}, ${ERROR} 객체(text/html)`, en: `${INDEX} and ${ERROR} objects (text/html)` },
  points: 2,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const problems: { ko: string; en: string }[] = [];
    const heads = await Promise.all([INDEX, ERROR].map((key) =>
      unlessMissing(ctx.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: ctx.signal }), ['NotFound', 'NoSuchKey'])));
    for (const [i, key] of [INDEX, ERROR].entries()) {
      const head = heads[i];
      if (!head) {
        problems.push({ ko: `${key} 없음`, en: `${key} is missing` });
        continue;
      }
      const type = (head.ContentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'text/html') problems.push({ ko: `${key}의 Content-Type: ${head.ContentType ?? '(없음)'}`, en: `${key} has Content-Type ${head.ContentType ?? '(none)'}` });
    }
    const keys = [INDEX, ERROR].map((key) => `s3://${bucket}/${key}`);
    if (problems.length === 0) return pass({ ko: `${INDEX}과 ${ERROR}이 text/html로 올라가 있습니다.`, en: `${INDEX} and ${ERROR} are there as text/html.` }, keys);
    return fail(
      { ko: `${problems.map((p) => p.ko).join(', ')}. 기대한 것: 두 객체 모두 Content-Type text/html.`, en: `${problems.map((p) => p.en).join('; ')}; expected both as text/html.` },
      {
        ko: `PutObject에 ContentType: 'text/html'(또는 'text/html; charset=utf-8')을 주세요. S3는 파일 확장자를 보지 않고 저장된 Content-Type을 그대로 브라우저에 보냅니다. binary/octet-stream이나 application/octet-stream 같은 일반 형식이면 브라우저가 페이지를 보여 주지 않고 내려받습니다.`,
        en: `Pass ContentType: 'text/html' (or 'text/html; charset=utf-8') to PutObject. S3 ignores file extensions and sends the stored Content-Type to the browser; with a generic type such as binary/octet-stream or application/octet-stream the browser downloads the page instead of showing it.`,
      },
      keys,
    );
  }),
};

const policyPublicRead: Check = {
  id: 'policy-public-read',
  title: { ko: '버킷 정책: 누구나 s3:GetObject', en: 'Bucket policy: anyone may s3:GetObject' },
  points: 2,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const objects = `arn:aws:s3:::${bucket}/*`;
    const policy = await bucketPolicy(ctx, bucket);
    const hint = {
      ko: `웹 사이트 방문자는 로그인하지 않은 익명 사용자라서, 버킷 정책이 모두(Principal "*")에게 읽기를 허용해야 합니다. PutBucketPolicy에 Effect "Allow", Principal "*", Action "s3:GetObject", Resource "${objects}" 문장을 넣으세요. 끝의 /*는 "이 버킷의 모든 객체"라는 뜻입니다.`,
      en: `Website visitors are anonymous, so the bucket policy must let everyone (Principal "*") read. Call PutBucketPolicy with a statement: Effect "Allow", Principal "*", Action "s3:GetObject", Resource "${objects}". The trailing /* means "every object in this bucket".`,
    };
    if (!policy) return fail({ ko: `${bucket} 버킷에 정책이 없습니다.`, en: `${bucket} has no bucket policy.` }, hint, [bucket]);
    if (anyoneMayReadEveryObject(policy, bucket)) return pass({ ko: `버킷 정책이 누구에게나 ${objects}의 s3:GetObject를 허용합니다.`, en: `The bucket policy allows anyone s3:GetObject on ${objects}.` }, [bucket]);
    return fail(
      { ko: `버킷 정책에 모두(*)에게 ${objects}의 s3:GetObject를 허용하는 문장이 없습니다.`, en: `No statement of the bucket policy allows everyone (*) s3:GetObject on ${objects}.` },
      hint,
      [bucket],
    );
  }),
};

/** The first few actions, then how many more (s3:* reaches about ninety). */
const shortList = (actions: string[], more: (count: number) => string) =>
  (actions.length > 4 ? `${actions.slice(0, 4).join(', ')} ${more(actions.length - 4)}` : actions.join(', '));

const policyNothingElsePublic: Check = {
  id: 'policy-nothing-else-public',
  title: { ko: '공개는 읽기(s3:GetObject)뿐', en: 'Only reading (s3:GetObject) is public' },
  points: 2,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const policy = await bucketPolicy(ctx, bucket);
    if (!policy) {
      return fail(
        { ko: `${bucket} 버킷에 정책이 아직 없습니다.`, en: `${bucket} has no bucket policy yet.` },
        { ko: `먼저 누구나 s3:GetObject만 할 수 있게 하는 버킷 정책을 PutBucketPolicy로 넣으세요.`, en: `First add a bucket policy (PutBucketPolicy) that lets anyone s3:GetObject, and nothing more.` },
        [bucket],
      );
    }
    // Every S3 action is probed, so s3:*, s3:Get* or a NotAction count for what they really reach.
    const extra = publicActionsBeyond(policy, bucket, ['s3:GetObject']);
    if (extra.length === 0) return pass({ ko: `모두에게 허용된 것은 s3:GetObject뿐입니다.`, en: `The public may only s3:GetObject.` }, [bucket]);
    return fail(
      {
        ko: `버킷 정책이 모두(*)에게 읽기 말고도 허용합니다: ${shortList(extra, (n) => `외 ${n}개`)}.`,
        en: `The bucket policy lets everyone (*) do more than read: ${shortList(extra, (n) => `and ${n} more`)}.`,
      },
      {
        ko: `웹 사이트에는 읽기만 필요합니다. s3:ListBucket이면 누구나 파일 목록 전체를 볼 수 있고, s3:PutObject나 s3:DeleteObject, s3:*이면 누구나 사이트를 바꾸거나 지울 수 있습니다. 공개 문장의 Action을 "s3:GetObject" 하나로 줄이세요.`,
        en: `A website needs reading only. With s3:ListBucket anyone can list every file; with s3:PutObject, s3:DeleteObject or s3:* anyone can change or delete your site. Narrow the public statement's Action to "s3:GetObject" alone.`,
      },
      [bucket],
    );
  }),
};

const publicAccessBlock: Check = {
  id: 'public-access-block',
  title: { ko: '퍼블릭 액세스 차단이 정책을 막지 않음', en: 'Block Public Access does not block the policy' },
  points: 1,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const answer = await unlessMissing(ctx.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }), { abortSignal: ctx.signal }), ['NoSuchPublicAccessBlockConfiguration']);
    const block = answer?.PublicAccessBlockConfiguration;
    if (!block) return pass({ ko: `${bucket} 버킷에 퍼블릭 액세스 차단 설정이 없습니다.`, en: `${bucket} has no Block Public Access configuration.` }, [bucket]);
    // RestrictPublicBuckets is what stops an existing public policy from working; BlockPublicPolicy only refuses new ones.
    if (!block.RestrictPublicBuckets) {
      return pass({ ko: `퍼블릭 액세스 차단이 있지만 RestrictPublicBuckets가 꺼져 있어 공개 정책이 작동합니다.`, en: `Block Public Access is set, with RestrictPublicBuckets off: the public policy takes effect.` }, [bucket]);
    }
    return fail(
      { ko: `${bucket} 버킷의 퍼블릭 액세스 차단에서 RestrictPublicBuckets가 켜져 있습니다: 공개 정책이 있어도 익명 방문자는 막힙니다.`, en: `${bucket}'s Block Public Access has RestrictPublicBuckets on: anonymous visitors are refused whatever the policy says.` },
      {
        ko: `2023년 4월부터 새 버킷은 퍼블릭 액세스 차단 네 가지가 모두 켜진 채 만들어집니다. 실수로 공개되는 일을 막는 안전장치입니다. 웹 사이트 버킷에서만 PutPublicAccessBlock으로 BlockPublicPolicy와 RestrictPublicBuckets를 false로 하거나, DeletePublicAccessBlock으로 지우세요.`,
        en: `Since April 2023 new buckets start with all four Block Public Access settings on, a guard against accidental exposure. For this website bucket only, set BlockPublicPolicy and RestrictPublicBuckets to false with PutPublicAccessBlock, or remove the block with DeletePublicAccessBlock.`,
      },
      [bucket],
    );
  }),
};

/** "404 NoSuchKey" from the sandbox's (and S3's) HTML error page, or the status alone. */
function describeAnswer(answer: { status: number; body: string }): string {
  const code = /<li>Code: ([^<]+)<\/li>/.exec(answer.body)?.[1];
  return code ? `${answer.status} ${code}` : `${answer.status}`;
}

/** One page of the website endpoint; a server error (5xx) gets one more try. */
async function visit(ctx: LabContext, bucket: string, path: string) {
  const answer = await ctx.fetchWebsite(bucket, path);
  return answer.status >= 500 ? ctx.fetchWebsite(bucket, path) : answer;
}

/** The object's ETag, or undefined when the grader cannot read it (then only the status codes are
 *  compared). The same HeadObject as objects-html's, so within a grade the two checks share it. */
async function objectTag(ctx: LabContext, bucket: string, key: string): Promise<string | undefined> {
  try {
    return (await ctx.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: ctx.signal })).ETag;
  } catch {
    return undefined;
  }
}

const websiteServes: Check = {
  id: 'website-serves',
  title: { ko: '웹 사이트 엔드포인트가 페이지를 보여 줌', en: 'The website endpoint serves the pages' },
  points: 3,
  timeoutMs: 15_000,
  run: (ctx) => withBucket(ctx, async (bucket) => {
    const missing = `no-such-page-${Date.now().toString(36)}.html`;
    const [home, notFound, indexTag, errorTag] = await Promise.all([
      visit(ctx, bucket, '/'),
      visit(ctx, bucket, `/${missing}`),
      objectTag(ctx, bucket, INDEX),
      objectTag(ctx, bucket, ERROR),
    ]);
    // A 5xx is the sandbox failing, not the learner: say so instead of failing the check.
    const broken = [home, notFound].find((answer) => answer.status >= 500);
    if (broken) {
      return couldNotCheck({
        ko: `샌드박스의 웹 사이트 엔드포인트가 오류(${describeAnswer(broken)})로 응답했습니다. 잠시 뒤 다시 채점하세요.`,
        en: `The sandbox's website endpoint answered with an error (${describeAnswer(broken)}). Grade again in a moment.`,
      });
    }
    // The page served is the object itself when their ETags (content hashes) agree.
    const homeOk = home.status === 200 && (indexTag === undefined || home.etag === indexTag);
    const notFoundOk = notFound.status === 404 && (errorTag === undefined || notFound.etag === errorTag);
    const found = `/ → ${describeAnswer(home)}${home.status === 200 && !homeOk ? ' (not index.html)' : ''}, /${missing} → ${describeAnswer(notFound)}${notFound.status === 404 && !notFoundOk ? ' (not error.html)' : ''}`;
    if (homeOk && notFoundOk) {
      return pass({ ko: `웹 사이트가 /에 ${INDEX}(200)을, 없는 페이지에 ${ERROR}(404)을 보여 줍니다.`, en: `The website serves ${INDEX} at / (200) and ${ERROR} for a missing page (404).` }, [bucket]);
    }
    const denied = home.status === 403 || notFound.status === 403;
    return fail(
      { ko: `웹 사이트 응답: ${found}. 기대한 것: / → 200 ${INDEX}, 없는 페이지 → 404 ${ERROR}.`, en: `The website answered ${found}; expected / → 200 with ${INDEX} and a missing page → 404 with ${ERROR}.` },
      denied
        ? {
            ko: `403은 익명 방문자가 읽을 수 없다는 뜻입니다. 버킷 정책이 모두에게 s3:GetObject를 허용하는지, 퍼블릭 액세스 차단이 막고 있지 않은지, 방문자를 거부(Deny)하는 문장이 없는지 보세요. 예를 들어 aws:SecureTransport가 false일 때 거부하는 문장은 웹 사이트 엔드포인트를 막습니다: 웹 사이트 엔드포인트는 HTTP만 쓰기 때문입니다(HTTPS가 필요하면 CloudFront를 앞에 둡니다).`,
            en: `403 means anonymous visitors cannot read. Check that the bucket policy allows everyone s3:GetObject, that Block Public Access does not stop it, and that no statement denies visitors: a Deny on aws:SecureTransport = false, for one, shuts the website endpoint, which speaks plain HTTP only (put CloudFront in front for HTTPS).`,
          }
        : {
            ko: `웹 사이트 설정(${INDEX}, ${ERROR})과 두 객체가 있는지 확인하세요. 웹 사이트 엔드포인트는 '/'에 인덱스 문서를, 없는 키에는 오류 문서를 404 상태로 돌려줍니다.`,
            en: `Check the website configuration (${INDEX}, ${ERROR}) and that both objects exist. The website endpoint answers '/' with the index document and a missing key with the error document and status 404.`,
          },
      [bucket],
    );
  }),
};

export default defineLab({
  id: 's3-website',
  title: { ko: 'S3로 정적 웹 사이트 호스팅하기', en: 'Host a static website on S3' },
  summary: {
    ko: '버킷에 웹 사이트 설정과 HTML 파일을 올리고, 읽기만 공개하는 버킷 정책으로 누구나 볼 수 있게 합니다.',
    en: 'Give a bucket a website configuration and HTML pages, then open it to everyone for reading only, with a bucket policy.',
  },
  lessons: ['s3'],
  services: ['s3', 'sts'],
  steps: [
    { id: 'bucket', title: { ko: '버킷', en: 'Bucket' }, checks: [bucketExists] },
    { id: 'website', title: { ko: '웹 사이트 설정', en: 'Website configuration' }, checks: [websiteDocuments] },
    { id: 'objects', title: { ko: '페이지', en: 'Pages' }, checks: [objectsHtml] },
    { id: 'public-read', title: { ko: '공개 읽기', en: 'Public read' }, checks: [policyPublicRead, policyNothingElsePublic, publicAccessBlock] },
    { id: 'endpoint', title: { ko: '웹 사이트 엔드포인트', en: 'Website endpoint' }, checks: [websiteServes] },
  ],
});
