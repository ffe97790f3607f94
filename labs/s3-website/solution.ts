// s3-website, reference solution: a bucket that serves a static website to everyone, read-only.
//ko s3-website 정답 코드: 모두에게 정적 웹 사이트를 읽기 전용으로 제공하는 버킷.
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
//ko 버킷 이름은 모든 AWS 계정에 걸쳐 전역입니다: 계정 ID를 붙여 이름이 겹치지 않게 합니다.
const bucket = `site-${Account}`;

// 1. The bucket (in us-east-1, creating a bucket you already own just succeeds again).
//ko 1. 버킷 (us-east-1에서는 이미 내가 가진 버킷을 다시 만들어도 그냥 성공합니다).
try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`created bucket ${bucket}`);
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  console.log(`bucket ${bucket} already exists`);
}

// 2. Website hosting: which page answers "/" and which one answers a page that does not exist.
//ko 2. 웹 사이트 호스팅: "/"에 응답할 페이지와, 없는 페이지에 응답할 페이지.
await s3.send(new PutBucketWebsiteCommand({
  Bucket: bucket,
  WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } },
}));
console.log('website hosting on: index.html, error.html');

// 3. The pages. S3 sends the stored Content-Type to the browser, so say it is HTML.
//ko 3. 페이지. S3는 저장된 Content-Type을 브라우저에 보내므로 HTML이라고 알려 줍니다.
const page = (title: string, text: string) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>${text}</p></body>\n</html>\n`;
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: page('Hello from S3', 'This page is served by an S3 bucket.'), ContentType: 'text/html; charset=utf-8' }));
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'error.html', Body: page('Not found', 'There is no such page.'), ContentType: 'text/html; charset=utf-8' }));
console.log('uploaded index.html and error.html');

// 4. New buckets block public access. Lift only the two settings about bucket policies, for this bucket.
//ko 4. 새 버킷은 퍼블릭 액세스를 차단합니다. 이 버킷에 대해서만, 버킷 정책에 관한 두 설정만 풉니다.
await s3.send(new PutPublicAccessBlockCommand({
  Bucket: bucket,
  PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
}));

// 5. Everyone may read the objects, and do nothing else.
//ko 5. 누구나 객체를 읽을 수 있고, 그 밖의 일은 할 수 없습니다.
await s3.send(new PutBucketPolicyCommand({
  Bucket: bucket,
  Policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicReadForWebsite', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  }),
}));
console.log('bucket policy: everyone may s3:GetObject');
console.log(`website: http://${bucket}.s3-website-us-east-1.amazonaws.com/ (in the sandbox: http://${bucket}.s3-website.localhost:4566/)`);
