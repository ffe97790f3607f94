// Lab: an upload under incoming/ runs a Lambda function that writes its result under processed/.
//ko 실습: incoming/ 아래에 파일이 올라오면 Lambda 함수가 실행되어 결과를 processed/ 아래에 씁니다.
// Run this file as often as you like: make each step work when its resource already exists.
//ko 이 파일은 몇 번이든 실행해도 됩니다. 리소스가 이미 있어도 각 단계가 동작하게 만드세요.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { strToU8, zipSync } from 'fflate';

const iam = new IAMClient({});
const lambda = new LambdaClient({});
const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
// Bucket names are global across all AWS accounts: the account id keeps yours unique.
//ko 버킷 이름은 모든 AWS 계정을 통틀어 하나뿐입니다. 계정 ID를 넣으면 내 버킷 이름이 겹치지 않습니다.
const bucket = `uploads-${Account}`;

// 1. Bucket `uploads-<account id>`
//ko 1. 버킷 `uploads-<계정 id>`
// TODO: CreateBucket (BucketAlreadyOwnedByYou means it is already yours)
//ko 할 일: CreateBucket (BucketAlreadyOwnedByYou는 이미 내 버킷이라는 뜻입니다)

// 2. Execution role `thumb-exec`
//ko 2. 실행 역할 `thumb-exec`
// TODO: CreateRole with a trust policy that lets lambda.amazonaws.com call sts:AssumeRole,
//       then attach arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
//ko 할 일: lambda.amazonaws.com이 sts:AssumeRole을 호출할 수 있게 하는 신뢰 정책으로 CreateRole,
//ko       그다음 arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole을 연결하세요
// TODO: PutRolePolicy: s3:GetObject on arn:aws:s3:::<bucket>/incoming/*, s3:PutObject on .../processed/*
//ko 할 일: PutRolePolicy: arn:aws:s3:::<버킷>/incoming/*에 s3:GetObject, .../processed/*에 s3:PutObject

// 3. Function `thumb-fn`
//ko 3. 함수 `thumb-fn`
const source = `const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});

exports.handler = async (event) => {
  for (const record of event.Records ?? []) {
    // TODO: read record.s3.bucket.name and record.s3.object.key (URL-encoded: a space is '+'),
    //       skip keys outside incoming/, GetObject the upload, PutObject a result under processed/
    //ko 할 일: record.s3.bucket.name과 record.s3.object.key(URL 인코딩됨, 공백은 '+')를 읽고,
    //ko       incoming/ 밖의 키는 건너뛰고, 업로드를 GetObject한 뒤 결과를 processed/ 아래에 PutObject하세요
  }
};
`;
const zip = zipSync({ 'index.js': strToU8(source) });
// TODO: CreateFunction: runtime nodejs22.x, handler index.handler, role thumb-exec's ARN, Code: { ZipFile: zip }
//ko 할 일: CreateFunction: 런타임 nodejs22.x, 핸들러 index.handler, 역할 thumb-exec의 ARN, Code: { ZipFile: zip }

// 4. Let S3 invoke the function, for your bucket only
//ko 4. S3가 내 버킷에 대해서만 함수를 호출할 수 있게 하기
// TODO: AddPermission: action lambda:InvokeFunction, principal s3.amazonaws.com,
//       SourceArn arn:aws:s3:::<bucket>, SourceAccount <account id>
//ko 할 일: AddPermission: 액션 lambda:InvokeFunction, 주체 s3.amazonaws.com,
//ko       SourceArn arn:aws:s3:::<버킷>, SourceAccount <계정 id>

// 5. The trigger
//ko 5. 트리거
// TODO: PutBucketNotificationConfiguration: the function's ARN, event s3:ObjectCreated:*,
//       and a key filter with the prefix incoming/ (why only incoming/? see the guide)
//ko 할 일: PutBucketNotificationConfiguration: 함수의 ARN, 이벤트 s3:ObjectCreated:*,
//ko       접두사 incoming/인 키 필터 (왜 incoming/만일까요? 안내서를 보세요)

// 6. Try it
//ko 6. 해 보기
// TODO: PutObject incoming/hello.txt, then GetObject processed/hello.txt until it appears, and print it
//ko 할 일: incoming/hello.txt를 PutObject하고, processed/hello.txt가 생길 때까지 GetObject한 뒤 출력하세요

console.log(`TODO: build the trigger for ${bucket}, then run again.`);
//ko> console.log(`할 일: 버킷 ${bucket}의 트리거를 만든 뒤 다시 실행하세요.`);
