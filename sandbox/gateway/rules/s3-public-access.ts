// AWS (since April 2023): a new bucket has all four Block Public Access settings on, and a public
// bucket policy is refused with AccessDenied while BlockPublicPolicy is on. Creating a bucket you
// already own (200 in us-east-1, BucketAlreadyOwnedByYou elsewhere) leaves its settings alone.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
// https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/
import { internalClient } from '../internal-clients.ts';
import type { Exchange } from '../types.ts';
import type { AwsRule, RuleCall } from './rule.ts';
import { isPublicPolicy } from './bucket-policy.ts';

async function s3Client(call: RuleCall) {
  const s3 = await import('@aws-sdk/client-s3');
  return { s3, client: internalClient(call.gateway, s3.S3Client, call.account) };
}

/** CreateBucket calls on a bucket that existed before them: no default block for those. */
const recreated = new WeakSet<Exchange>();

async function bucketExists(call: RuleCall, bucket: string): Promise<boolean> {
  const { s3, client } = await s3Client(call);
  try {
    await client.send(new s3.HeadBucketCommand({ Bucket: bucket }));
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
    if (!isPublicPolicy(call.exchange.request.body.toString('utf8'))) return undefined;
    const { s3, client } = await s3Client(call);
    try {
      const { PublicAccessBlockConfiguration: block } = await client.send(new s3.GetPublicAccessBlockCommand({ Bucket: call.operation.bucket }));
      if (!block?.BlockPublicPolicy) return undefined;
    } catch {
      return undefined; // no block configured (or no such bucket: the backend says so itself)
    }
    return call.refuse('AccessDenied',
      `Access Denied: bucket ${call.operation.bucket} blocks public bucket policies (BlockPublicPolicy is on, the default for new buckets). Turn it off first with PutPublicAccessBlock (BlockPublicPolicy: false, and RestrictPublicBuckets: false for public reads) or DeletePublicAccessBlock.`,
      403);
  },
  async after(call) {
    if (call.operation.name !== 'CreateBucket' || !call.operation.bucket || recreated.has(call.exchange)) return;
    const { s3, client } = await s3Client(call);
    await client.send(new s3.PutPublicAccessBlockCommand({
      Bucket: call.operation.bucket,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }));
  },
};
