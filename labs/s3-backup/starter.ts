// s3-backup: keep every version of your logs, archive them, and clean up old versions.
// The platform supplies endpoint, region and credentials: keep `new S3Client({})` as it is.
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

// 1. TODO: create the bucket (CreateBucketCommand) and turn versioning on (PutBucketVersioningCommand).

// 2. TODO: add a lifecycle rule for keys under logs/ (PutBucketLifecycleConfigurationCommand):
//    current versions move to GLACIER after 30 days; noncurrent versions expire after 90 days.

// 3. TODO: upload logs/app.log twice (PutObjectCommand), so that it has two versions.

console.log(`TODO: build the backup bucket ${bucket}, then run again.`);
