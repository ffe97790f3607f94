// lambda-s3-trigger, reference solution: an upload under incoming/ runs thumb-fn, which writes a
//ko lambda-s3-trigger 정답 코드: incoming/ 아래에 올린 파일이 thumb-fn을 실행하고, 함수는 그 파일의
//ko 짧은 JSON 요약을 processed/ 아래에 씁니다. 다시 실행해도 안전합니다: 각 단계가 이미 있는 것을 받아들입니다.
// small JSON summary of it under processed/. Safe to run again: every step accepts what exists.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  LambdaClient,
  UpdateFunctionCodeCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
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
// Bucket names are global across all AWS accounts: the account id keeps ours unique.
//ko 버킷 이름은 모든 AWS 계정에 걸쳐 전역입니다: 계정 ID를 붙여 이름이 겹치지 않게 합니다.
const bucket = `uploads-${Account}`;
const bucketArn = `arn:aws:s3:::${bucket}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 1. The bucket (in us-east-1, creating a bucket you already own just succeeds again).
//ko 1. 버킷 (us-east-1에서는 이미 내가 가진 버킷을 다시 만들어도 그냥 성공합니다).
try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`created bucket ${bucket}`);
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  console.log(`bucket ${bucket} already exists`);
}

// 2. The execution role: Lambda may assume it; it may write logs, read uploads and write results.
//ko 2. 실행 역할: Lambda가 맡을 수 있고, 로그를 쓰고 업로드를 읽고 결과를 쓸 수 있습니다.
let roleArn: string;
try {
  const { Role } = await iam.send(new CreateRoleCommand({
    RoleName: 'thumb-exec',
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }));
  roleArn = Role!.Arn!;
  console.log(`created role ${roleArn}`);
} catch (error) {
  if ((error as Error).name !== 'EntityAlreadyExistsException') throw error;
  roleArn = (await iam.send(new GetRoleCommand({ RoleName: 'thumb-exec' }))).Role!.Arn!;
  console.log(`role thumb-exec already exists: ${roleArn}`);
}
await iam.send(new AttachRolePolicyCommand({ RoleName: 'thumb-exec', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
// Only what the function does: read under incoming/, write under processed/ (least privilege).
//ko 함수가 하는 일만 허용합니다: incoming/ 아래 읽기, processed/ 아래 쓰기 (최소 권한).
await iam.send(new PutRolePolicyCommand({
  RoleName: 'thumb-exec',
  PolicyName: 'uploads-in-results-out',
  PolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadUploads', Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucketArn}/incoming/*` },
      { Sid: 'WriteResults', Effect: 'Allow', Action: 's3:PutObject', Resource: `${bucketArn}/processed/*` },
    ],
  }),
}));

// 3. The function. S3 sends a batch of records; each names the bucket and the (URL-encoded) key.
//ko 3. 함수. S3는 레코드 묶음을 보내며, 각 레코드에는 버킷과 (URL 인코딩된) 키가 들어 있습니다.
const source = `const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});

exports.handler = async (event) => {
  for (const record of event.Records ?? []) {
    const bucket = record.s3.bucket.name;
    // Keys arrive URL-encoded, with a space as '+'.
    //ko 키는 URL 인코딩되어 오며, 공백은 '+'로 옵니다.
    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    // The trigger's prefix already filters; this guards against a trigger set up too wide.
    //ko 트리거의 접두사가 이미 걸러 주지만, 너무 넓게 설정된 트리거에 대비한 안전장치입니다.
    if (!key.startsWith('incoming/')) {
      console.log('skipping', key);
      continue;
    }
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const summary = { source: key, size: object.ContentLength, contentType: object.ContentType, processedAt: new Date().toISOString() };
    const target = 'processed/' + key.slice('incoming/'.length);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: target, Body: JSON.stringify(summary), ContentType: 'application/json' }));
    console.log('wrote', target);
  }
};
`;
const zip = zipSync({ 'index.js': strToU8(source) });

async function deployFunction(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await lambda.send(new CreateFunctionCommand({
        FunctionName: 'thumb-fn',
        Runtime: 'nodejs22.x',
        Role: roleArn,
        Handler: 'index.handler',
        Code: { ZipFile: zip },
        Timeout: 30,
        MemorySize: 256,
      }));
      console.log('created function thumb-fn');
      return created.FunctionArn!;
    } catch (error) {
      const { name, message } = error as Error;
      if (name === 'ResourceConflictException') {
        const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'thumb-fn', ZipFile: zip }));
        await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 60 }, { FunctionName: 'thumb-fn' });
        console.log('updated the code of thumb-fn');
        return updated.FunctionArn!;
      }
      // On AWS a new role takes a few seconds to reach Lambda: wait and try again.
      //ko AWS에서는 새 역할이 Lambda에 전파되기까지 몇 초가 걸립니다: 기다렸다가 다시 시도합니다.
      if (name === 'InvalidParameterValueException' && /cannot be assumed/.test(message) && attempt < 10) {
        console.log('the role is not usable by Lambda yet, trying again in 3 s');
        await sleep(3_000);
        continue;
      }
      throw error;
    }
  }
}
const functionArn = await deployFunction();

// 4. S3 may invoke the function, but only for our bucket, in our account (no confused deputy).
//ko 4. S3가 함수를 호출할 수 있게 하되, 우리 계정의 우리 버킷에 대해서만 허용합니다 (혼동된 대리인 방지).
try {
  await lambda.send(new AddPermissionCommand({
    FunctionName: 'thumb-fn',
    StatementId: 's3-uploads',
    Action: 'lambda:InvokeFunction',
    Principal: 's3.amazonaws.com',
    SourceArn: bucketArn,
    SourceAccount: Account,
  }));
  console.log(`S3 may invoke thumb-fn for ${bucketArn}`);
} catch (error) {
  if ((error as Error).name !== 'ResourceConflictException') throw error;
  console.log('the permission for S3 is already there');
}

// 5. The trigger: only new objects under incoming/, so the function's own results under processed/
//    do not run it again. S3 checks the permission above, so this comes after it.
//ko 5. 트리거: incoming/ 아래의 새 객체만 대상으로 하므로, processed/ 아래에 쓰는 함수 자신의 결과는
//ko    함수를 다시 실행하지 않습니다. S3가 위의 권한을 확인하므로 권한 다음에 설정합니다.
await s3.send(new PutBucketNotificationConfigurationCommand({
  Bucket: bucket,
  NotificationConfiguration: {
    LambdaFunctionConfigurations: [{
      Id: 'thumbnails',
      LambdaFunctionArn: functionArn,
      Events: ['s3:ObjectCreated:*'],
      Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
    }],
  },
}));
console.log('uploads under incoming/ now run thumb-fn');

// 6. Try it: upload, then wait for the result (forget the one an earlier run left).
//ko 6. 실행해 보기: 파일을 올리고 결과를 기다립니다 (앞선 실행이 남긴 결과는 무시합니다).
await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'processed/hello.txt' }));
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'incoming/hello.txt', Body: 'hello, lambda\n', ContentType: 'text/plain' }));
console.log('uploaded incoming/hello.txt');
let result: string | undefined;
for (let waited = 0; waited < 30_000 && result === undefined; waited += 500) {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'processed/hello.txt' }));
    result = await object.Body!.transformToString();
  } catch (error) {
    if ((error as Error).name !== 'NoSuchKey') throw error;
    await sleep(500);
  }
}
if (result === undefined) throw new Error('processed/hello.txt did not appear within 30 s: look at the log group /aws/lambda/thumb-fn');
console.log(`processed/hello.txt: ${result}`);
