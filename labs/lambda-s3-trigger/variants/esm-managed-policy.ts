// Another correct way: a role under a path with a customer managed policy (s3:Get* on incoming/*,
// s3:PutObject on processed/*), an ES module handler on nodejs24.x that writes the text
// upper-cased, the permission with SourceArn alone, the bucket made after the function, the
// function ARN written by hand, and a trigger on s3:ObjectCreated:Put only.
import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { strToU8, zipSync } from 'fflate';

const iam = new IAMClient({});
const lambda = new LambdaClient({});
const s3 = new S3Client({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const Bucket = `uploads-${Account}`;

const { Role } = await iam.send(new CreateRoleCommand({
  RoleName: 'thumb-exec',
  Path: '/service-role/',
  AssumeRolePolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
  }),
}));
await iam.send(new AttachRolePolicyCommand({ RoleName: 'thumb-exec', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
const { Policy } = await iam.send(new CreatePolicyCommand({
  PolicyName: 'thumb-s3-access',
  PolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:Get*'], Resource: [`arn:aws:s3:::${Bucket}/incoming/*`] },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`arn:aws:s3:::${Bucket}/processed/*`] },
    ],
  }),
}));
await iam.send(new AttachRolePolicyCommand({ RoleName: 'thumb-exec', PolicyArn: Policy!.Arn }));

const handler = `import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (event) => {
  await Promise.all(event.Records.map(async ({ s3: { bucket, object } }) => {
    const key = decodeURIComponent(object.key.replace(/\\+/g, ' '));
    if (!key.startsWith('incoming/')) return;
    const text = await (await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: key }))).Body.transformToString();
    const name = key.slice('incoming/'.length);
    await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: 'processed/upper-' + name, Body: text.toUpperCase(), ContentType: 'text/plain' }));
  }));
};
`;
await lambda.send(new CreateFunctionCommand({
  FunctionName: 'thumb-fn',
  Runtime: 'nodejs24.x',
  Role: Role!.Arn,
  Handler: 'index.handler',
  Code: { ZipFile: zipSync({ 'index.mjs': strToU8(handler) }) },
}));
await lambda.send(new AddPermissionCommand({
  FunctionName: 'thumb-fn',
  StatementId: 'AllowUploadsBucket',
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceArn: `arn:aws:s3:::${Bucket}`,
}));

await s3.send(new CreateBucketCommand({ Bucket }));
await s3.send(new PutBucketNotificationConfigurationCommand({
  Bucket,
  NotificationConfiguration: {
    LambdaFunctionConfigurations: [{
      LambdaFunctionArn: `arn:aws:lambda:us-east-1:${Account}:function:thumb-fn`,
      Events: ['s3:ObjectCreated:Put'],
      Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
    }],
  },
}));
console.log(`uploads under s3://${Bucket}/incoming/ now run thumb-fn`);
