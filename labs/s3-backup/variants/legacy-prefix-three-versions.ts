// Another correct way: versioning turned on after the lifecycle rule, the rule with the legacy top-level
// Prefix, an extra whole-bucket rule for multipart uploads, and three versions of the log.
import {
  CreateBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const Bucket = `backup-${Account}`;
await s3.send(new CreateBucketCommand({ Bucket }));
const rules: LifecycleRule[] = [
  { ID: 'abort-uploads', Status: 'Enabled', Filter: {}, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
  { ID: 'logs', Status: 'Enabled', Prefix: 'logs/', Transitions: [{ Days: 30, StorageClass: 'GLACIER' }], NoncurrentVersionExpiration: { NoncurrentDays: 90 } },
];
await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules: rules } }));
await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
for (const line of ['boot', 'request', 'shutdown']) {
  await s3.send(new PutObjectCommand({ Bucket, Key: 'logs/app.log', Body: `${line}\n` }));
}
console.log('three versions of logs/app.log');
