// Stands in for @aws-sdk/client-s3 in learner scripts: everything re-exported, but S3Client and
// S3 default to forcePathStyle, so `new S3Client({})` works against the sandbox with no extra line.
import { S3Client as BaseS3Client, S3 as BaseS3 } from '@aws-sdk/client-s3';

export * from '@aws-sdk/client-s3';

export class S3Client extends BaseS3Client {
  constructor(config = {}) {
    super({ forcePathStyle: true, ...config });
  }
}

export class S3 extends BaseS3 {
  constructor(config = {}) {
    super({ forcePathStyle: true, ...config });
  }
}
