// s3-website, reference solution: a bucket that serves a static website to everyone, read-only.
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
// Bucket names are global across all AWS accounts: the account id keeps ours unique.
const bucket = `site-${Account}`;

// 1. The bucket (in us-east-1, creating a bucket you already own just succeeds again).
try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`created bucket ${bucket}`);
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  console.log(`bucket ${bucket} already exists`);
}

// 2. Website hosting: which page answers "/" and which one answers a page that does not exist.
await s3.send(new PutBucketWebsiteCommand({
  Bucket: bucket,
  WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } },
}));
console.log('website hosting on: index.html, error.html');

// 3. The pages. S3 sends the stored Content-Type to the browser, so say it is HTML.
const page = (title: string, text: string) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>${text}</p></body>\n</html>\n`;
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: page('Hello from S3', 'This page is served by an S3 bucket.'), ContentType: 'text/html; charset=utf-8' }));
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'error.html', Body: page('Not found', 'There is no such page.'), ContentType: 'text/html; charset=utf-8' }));
console.log('uploaded index.html and error.html');

// 4. New buckets block public access. Lift only the two settings about bucket policies, for this bucket.
await s3.send(new PutPublicAccessBlockCommand({
  Bucket: bucket,
  PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
}));

// 5. Everyone may read the objects, and do nothing else.
await s3.send(new PutBucketPolicyCommand({
  Bucket: bucket,
  Policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicReadForWebsite', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  }),
}));
console.log('bucket policy: everyone may s3:GetObject');
console.log(`website: http://${bucket}.s3-website-us-east-1.amazonaws.com/ (in the sandbox: http://${bucket}.s3-website.localhost:4566/)`);
