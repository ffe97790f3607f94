// lambda-s3-trigger, reference solution: an upload under incoming/ runs thumb-fn, which writes a
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
const bucket = `uploads-${Account}`;
const bucketArn = `arn:aws:s3:::${bucket}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 1. The bucket (in us-east-1, creating a bucket you already own just succeeds again).
try {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`created bucket ${bucket}`);
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  console.log(`bucket ${bucket} already exists`);
}

// 2. The execution role: Lambda may assume it; it may write logs, read uploads and write results.
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
const source = `const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});

exports.handler = async (event) => {
  for (const record of event.Records ?? []) {
    const bucket = record.s3.bucket.name;
    // Keys arrive URL-encoded, with a space as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    // The trigger's prefix already filters; this guards against a trigger set up too wide.
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
