// Another correct way: remove the public access block entirely, write the policy before anything else
// (principal {"AWS": "*"}, action as a list), then the pages, and the website configuration last.
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const Bucket = `site-${Account}`;
await s3.send(new CreateBucketCommand({ Bucket }));
await s3.send(new DeletePublicAccessBlockCommand({ Bucket }));
await s3.send(new PutBucketPolicyCommand({
  Bucket,
  Policy: JSON.stringify({
    Version: '2012-10-17',
    Id: 'website',
    Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${Bucket}/*`] }],
  }),
}));
for (const [Key, title] of [['index.html', 'Welcome'], ['error.html', 'Oops'], ['about/index.html', 'About']]) {
  await s3.send(new PutObjectCommand({ Bucket, Key, Body: `<html><body><h1>${title}</h1></body></html>`, ContentType: 'text/html' }));
}
await s3.send(new PutBucketWebsiteCommand({ Bucket, WebsiteConfiguration: { ErrorDocument: { Key: 'error.html' }, IndexDocument: { Suffix: 'index.html' } } }));
console.log(`site ${Bucket} ready`);
