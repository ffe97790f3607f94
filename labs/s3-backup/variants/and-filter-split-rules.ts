// Another correct way: two rules on logs/ (one per action), both with an And filter (prefix and a
// minimum size, no tags: a tag would leave untagged logs out), a third rule that is disabled, plus a
// delete marker after two writes (the versions stay).
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const Bucket = `backup-${Account}`;
await s3.send(new CreateBucketCommand({ Bucket }));
await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Disabled' } }));
await s3.send(new PutObjectCommand({ Bucket, Key: 'logs/app.log', Body: 'first\n' }));
await s3.send(new PutObjectCommand({ Bucket, Key: 'logs/app.log', Body: 'second\n' }));
await s3.send(new DeleteObjectCommand({ Bucket, Key: 'logs/app.log' }));
await s3.send(new PutBucketLifecycleConfigurationCommand({
  Bucket,
  LifecycleConfiguration: {
    Rules: [
      { ID: 'to-glacier', Status: 'Enabled', Filter: { And: { Prefix: 'logs/', ObjectSizeGreaterThan: 0 } }, Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] },
      { ID: 'expire-old', Status: 'Enabled', Filter: { And: { Prefix: 'logs/', ObjectSizeGreaterThan: 0 } }, NoncurrentVersionExpiration: { NoncurrentDays: 90 } },
      { ID: 'old-idea', Status: 'Disabled', Filter: { Prefix: 'logs/' }, Transitions: [{ Days: 365, StorageClass: 'DEEP_ARCHIVE' }] },
    ],
  },
}));
console.log('two rules, two versions and a delete marker');
