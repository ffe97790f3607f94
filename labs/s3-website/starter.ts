// s3-website: host a static website on S3.
//ko s3-website: S3로 정적 웹 사이트를 호스팅하세요.
// The platform supplies endpoint, region and credentials: keep `new S3Client({})` as it is.
//ko 엔드포인트, 리전, 자격 증명은 플랫폼이 채워 줍니다. `new S3Client({})`는 그대로 두세요.
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
//ko 버킷 이름은 모든 AWS 계정을 통틀어 하나뿐입니다. 계정 ID를 넣으면 내 버킷 이름이 겹치지 않습니다.
const bucket = `site-${Account}`;

// 1. TODO: create the bucket (CreateBucketCommand).
//ko 1. 할 일: 버킷을 만드세요 (CreateBucketCommand).

// 2. TODO: turn on website hosting with index.html and error.html (PutBucketWebsiteCommand).
//ko 2. 할 일: index.html과 error.html로 웹 사이트 호스팅을 켜세요 (PutBucketWebsiteCommand).

// 3. TODO: upload index.html and error.html as HTML pages (PutObjectCommand; mind the ContentType).
//ko 3. 할 일: index.html과 error.html을 HTML 페이지로 올리세요 (PutObjectCommand, ContentType에 주의하세요).

// 4. TODO: new buckets block public policies. Lift that for this bucket (PutPublicAccessBlockCommand),
//    then add a bucket policy that lets everyone read the objects, and nothing more (PutBucketPolicyCommand).
//ko 4. 할 일: 새 버킷은 공개 정책을 차단합니다. 이 버킷의 퍼블릭 액세스 차단을 풀고 (PutPublicAccessBlockCommand),
//ko    누구나 객체를 읽을 수만 있고 그 밖에는 아무것도 할 수 없게 하는 버킷 정책을 넣으세요 (PutBucketPolicyCommand).

console.log(`TODO: build the website in ${bucket}, then run again.`);
//ko> console.log(`할 일: 버킷 ${bucket}에 웹 사이트를 만든 뒤 다시 실행하세요.`);
