// Another correct way: one broad Allow narrowed by explicit Denies (a Deny always wins), so the
// effect is exactly "read incoming/, write processed/", plus s3:ListBucket limited to incoming/
// with an s3:prefix condition, in a second inline policy.
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

await import('../solution.ts');
const iam = new IAMClient({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const bucketArn = `arn:aws:s3:::uploads-${Account}`;
await iam.send(new PutRolePolicyCommand({
  RoleName: 'thumb-exec',
  PolicyName: 'uploads-in-results-out',
  PolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadAndWrite', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`${bucketArn}/incoming/*`, `${bucketArn}/processed/*`] },
      { Sid: 'NoWritingUploads', Effect: 'Deny', Action: 's3:PutObject', Resource: `${bucketArn}/incoming/*` },
      { Sid: 'NoReadingResults', Effect: 'Deny', Action: 's3:GetObject', Resource: `${bucketArn}/processed/*` },
    ],
  }),
}));
await iam.send(new PutRolePolicyCommand({
  RoleName: 'thumb-exec',
  PolicyName: 'list-uploads',
  PolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn, Condition: { StringLike: { 's3:prefix': ['incoming/*'] } } }],
  }),
}));
console.log('thumb-exec: an Allow narrowed by Denies, and a listing limited to incoming/');
