// AWS: bucket names are shared by all accounts; creating a name another account holds fails with
// BucketAlreadyExists (moto, with cross-account access off, answers AccessDenied instead).
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html#API_CreateBucket_Errors
import type { AwsRule } from './rule.ts';

export const s3BucketNames: AwsRule = {
  watches: ['s3:CreateBucket', 's3:DeleteBucket'],
  async check(call) {
    const bucket = call.operation.bucket;
    if (!bucket || call.operation.name !== 'CreateBucket') return undefined;
    const owner = await call.gateway.backend.bucketOwner(bucket);
    if (!owner || owner === call.account) return undefined;
    return call.refuse('BucketAlreadyExists',
      `The requested bucket name ${bucket} is not available. The bucket namespace is shared by all users of the system: choose another name (the labs add your account id, e.g. site-${call.account}).`,
      409);
  },
  /** A backend that cannot tell a bucket's owner learns it here (the website endpoint reads a
   *  bucket in its owner's account). */
  async after(call) {
    const bucket = call.operation.bucket;
    if (bucket) call.gateway.backend.noteBucket(bucket, call.operation.name === 'CreateBucket' ? call.account : undefined);
  },
};
