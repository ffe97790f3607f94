// AWS (since April 2023): a new bucket has all four Block Public Access settings on, and a public
// bucket policy is refused with AccessDenied while BlockPublicPolicy is on. Creating a bucket you
// already own (200 in us-east-1, BucketAlreadyOwnedByYou elsewhere) leaves its settings alone.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
// https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/
import { parseXml, s3Api } from '../aws-api.ts';
import type { Exchange } from '../types.ts';
import type { AwsRule, RuleCall } from './rule.ts';
import { isPublicPolicy } from './bucket-policy.ts';
import { textOf } from '../bytes.ts';

const s3 = (call: RuleCall, method: string, bucket: string, options?: Parameters<typeof s3Api>[4]) =>
  s3Api(call.gateway, call.account, method, bucket, options);

const allBlocked = '<PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
  + '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>'
  + '<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>'
  + '</PublicAccessBlockConfiguration>';

/** CreateBucket calls on a bucket that existed before them: no default block for those. */
const recreated = new WeakSet<Exchange>();

async function bucketExists(call: RuleCall, bucket: string): Promise<boolean> {
  try {
    await s3(call, 'HEAD', bucket);
    return true;
  } catch {
    return false; // not found, or another account's (s3-bucket-names refuses that one)
  }
}

export const s3PublicAccess: AwsRule = {
  watches: ['s3:CreateBucket', 's3:PutBucketPolicy'],
  async check(call) {
    if (call.operation.name === 'CreateBucket' && call.operation.bucket) {
      if (await bucketExists(call, call.operation.bucket)) recreated.add(call.exchange);
      return undefined;
    }
    if (call.operation.name !== 'PutBucketPolicy' || !call.operation.bucket) return undefined;
    if (!isPublicPolicy(textOf(call.exchange.request.body))) return undefined;
    try {
      const answer = await s3(call, 'GET', call.operation.bucket, { subresource: 'publicAccessBlock' });
      const block = parseXml(answer.body)['PublicAccessBlockConfiguration'] as Record<string, unknown> | undefined;
      if (block?.['BlockPublicPolicy'] !== 'true') return undefined;
    } catch {
      return undefined; // no block configured (or no such bucket: the backend says so itself)
    }
    return call.refuse('AccessDenied',
      `Access Denied: bucket ${call.operation.bucket} blocks public bucket policies (BlockPublicPolicy is on, the default for new buckets). Turn it off first with PutPublicAccessBlock (BlockPublicPolicy: false, and RestrictPublicBuckets: false for public reads) or DeletePublicAccessBlock.`,
      403);
  },
  async after(call) {
    if (call.operation.name !== 'CreateBucket' || !call.operation.bucket || recreated.has(call.exchange)) return;
    await s3(call, 'PUT', call.operation.bucket, { subresource: 'publicAccessBlock', body: allBlocked });
  },
};
