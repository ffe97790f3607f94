// s3-backup: keep every version of your logs, archive them, and clean up old versions.
//ko s3-backup: 로그의 모든 버전을 남기고, 아카이브하고, 이전 버전을 정리하세요.
// The platform supplies endpoint, region and credentials: keep `new S3Client({})` as it is.
//ko 엔드포인트, 리전, 자격 증명은 플랫폼이 채워 줍니다. `new S3Client({})`는 그대로 두세요.
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
//ko 1. 할 일: 버킷을 만들고 (CreateBucketCommand) 버전 관리를 켜세요 (PutBucketVersioningCommand).

// 2. TODO: add a lifecycle rule for keys under logs/ (PutBucketLifecycleConfigurationCommand):
//    current versions move to GLACIER after 30 days; noncurrent versions expire after 90 days.
//ko 2. 할 일: logs/ 아래의 키에 적용되는 수명 주기 규칙을 넣으세요 (PutBucketLifecycleConfigurationCommand).
//ko    현재 버전은 30일 뒤 GLACIER로 옮기고, 이전 버전은 90일 뒤 만료되게 하세요.

// 3. TODO: upload logs/app.log twice (PutObjectCommand), so that it has two versions.
//ko 3. 할 일: logs/app.log를 두 번 올려서 (PutObjectCommand) 버전이 두 개가 되게 하세요.

console.log(`TODO: build the backup bucket ${bucket}, then run again.`);
//ko> console.log(`할 일: 백업 버킷(${bucket})을 만든 뒤 다시 실행하세요.`);
