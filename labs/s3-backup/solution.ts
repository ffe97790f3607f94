// s3-backup, reference solution: a versioned bucket whose logs move to Glacier and whose old versions expire.
import {
  CreateBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const bucket = `backup-${Account}`;

// 1. The bucket (creating a bucket you already own in us-east-1 just succeeds again).
try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`created bucket ${bucket}`);
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  console.log(`bucket ${bucket} already exists`);
}

// 2. Versioning: every overwrite or delete keeps the previous version instead of losing it.
await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
console.log('versioning: Enabled');

// 3. Lifecycle for logs/: current versions go to Glacier after 30 days (cheap, slow to read back);
//    versions that have been replaced are deleted 90 days after they stopped being current.
await s3.send(new PutBucketLifecycleConfigurationCommand({
  Bucket: bucket,
  LifecycleConfiguration: {
    Rules: [{
      ID: 'archive-logs',
      Status: 'Enabled',
      Filter: { Prefix: 'logs/' },
      Transitions: [{ Days: 30, StorageClass: 'GLACIER' }],
      NoncurrentVersionExpiration: { NoncurrentDays: 90 },
    }],
  },
}));
console.log('lifecycle: logs/ → GLACIER after 30 days, noncurrent versions expire after 90 days');

// 4. Write the log twice: the second write makes a new version and keeps the first one.
for (const day of [1, 2]) {
  const { VersionId } = await s3.send(new PutObjectCommand({
    Bucket: bucket,
    Key: 'logs/app.log',
    Body: `${new Date().toISOString()} day ${day}: app started\n`,
    ContentType: 'text/plain',
  }));
  console.log(`logs/app.log version ${VersionId}`);
}
