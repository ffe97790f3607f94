// s3-website: host a static website on S3.
// The platform supplies endpoint, region and credentials: keep `new S3Client({})` as it is.
import {
  CreateBucketCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
// Bucket names are global across all AWS accounts: the account id keeps yours unique.
const bucket = `site-${Account}`;

// 1. TODO: create the bucket (CreateBucketCommand).

// 2. TODO: turn on website hosting with index.html and error.html (PutBucketWebsiteCommand).

// 3. TODO: upload index.html and error.html as HTML pages (PutObjectCommand; mind the ContentType).

// 4. TODO: new buckets block public policies. Lift that for this bucket (PutPublicAccessBlockCommand),
//    then add a bucket policy that lets everyone read the objects, and nothing more (PutBucketPolicyCommand).

console.log(`TODO: build the website in ${bucket}, then run again.`);
