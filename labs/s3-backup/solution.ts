// s3-backup, reference solution: a versioned bucket whose logs move to Glacier and whose old versions expire.
//ko s3-backup 정답 코드: 로그는 Glacier로 옮기고 이전 버전은 만료시키는 버전 관리 버킷.
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
//ko 1. 버킷 (us-east-1에서는 이미 내가 가진 버킷을 다시 만들어도 그냥 성공합니다).
try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`created bucket ${bucket}`);
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  console.log(`bucket ${bucket} already exists`);
}

// 2. Versioning: every overwrite or delete keeps the previous version instead of losing it.
//ko 2. 버전 관리: 덮어쓰거나 삭제해도 이전 버전을 잃지 않고 보관합니다.
await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
console.log('versioning: Enabled');

// 3. Lifecycle for logs/: current versions go to Glacier after 30 days (cheap, slow to read back);
//    versions that have been replaced are deleted 90 days after they stopped being current.
//ko 3. logs/의 수명 주기: 현재 버전은 30일 뒤 Glacier로 (저렴하지만 다시 읽기는 느림),
//ko    대체된 버전은 최신 버전이 아니게 된 지 90일 뒤 삭제합니다.
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
//ko 4. 로그를 두 번 씁니다: 두 번째 쓰기가 새 버전을 만들고 첫 번째 버전은 남깁니다.
for (const day of [1, 2]) {
  const { VersionId } = await s3.send(new PutObjectCommand({
    Bucket: bucket,
    Key: 'logs/app.log',
    Body: `${new Date().toISOString()} day ${day}: app started\n`,
    ContentType: 'text/plain',
  }));
  console.log(`logs/app.log version ${VersionId}`);
}
