// Another correct way: all four Block Public Access flags off, pages as bytes with a charset, and a
// policy that also holds statements that are not public (my own account; an office IP range).
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
const Bucket = `site-${Account}`;
await s3.send(new CreateBucketCommand({ Bucket }));
await s3.send(new PutBucketWebsiteCommand({ Bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
const encoder = new TextEncoder();
await s3.send(new PutObjectCommand({ Bucket, Key: 'index.html', Body: encoder.encode('<!doctype html><title>안녕</title><p>S3 웹 사이트</p>'), ContentType: 'text/html;charset=UTF-8' }));
await s3.send(new PutObjectCommand({ Bucket, Key: 'error.html', Body: encoder.encode('<!doctype html><title>없음</title><p>없는 페이지</p>'), ContentType: 'TEXT/HTML; charset=utf-8' }));
await s3.send(new PutPublicAccessBlockCommand({
  Bucket,
  PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
}));
await s3.send(new PutBucketPolicyCommand({
  Bucket,
  Policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Website', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${Bucket}/*` },
      { Sid: 'Me', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${Account}:root` }, Action: 's3:*', Resource: [`arn:aws:s3:::${Bucket}`, `arn:aws:s3:::${Bucket}/*`] },
      { Sid: 'OfficeUpload', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${Bucket}/*`, Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } },
    ],
  }),
}));
console.log(`site ${Bucket} ready`);
