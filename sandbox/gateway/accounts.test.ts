import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeKeyPairsCommand, CreateKeyPairCommand, DescribeSubnetsCommand, DescribeVpcsCommand, CreateLaunchTemplateCommand } from '@aws-sdk/client-ec2';
import { S3Client, CreateBucketCommand, ListBucketsCommand, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { IAMClient, CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { ECSClient, CreateClusterCommand as CreateEcsCluster, ListClustersCommand as ListEcsClusters } from '@aws-sdk/client-ecs';
import { EKSClient, CreateClusterCommand as CreateEksCluster, ListClustersCommand as ListEksClusters } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client, CreateTargetGroupCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { zipSync, strToU8 } from 'fflate';
import { clientConfig, freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import { subnetsInZones } from './rules/test-subnets.ts';

const alice = freshAccount();
const bob = freshAccount();
const as = (account: string) => clientConfig(account);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

/** A client that also sends x-moto-account-id, as a learner trying to act as someone else would. */
function forging<T extends { middlewareStack: { add: (...args: never[]) => void } }>(client: T, account: string): T {
  (client.middlewareStack.add as (m: unknown, o: unknown) => void)(
    (next: (args: { request: { headers: Record<string, string> } }) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers['x-moto-account-id'] = account;
      return next(args);
    },
    { step: 'build' },
  );
  return client;
}

describe('accounts', () => {
  it('keeps each 12-digit access key in its own account', async () => {
    const aliceEc2 = new EC2Client(as(alice));
    const bobEc2 = new EC2Client(as(bob));
    await aliceEc2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
    const seenByBob = await bobEc2.send(new DescribeKeyPairsCommand({}));
    expect(seenByBob.KeyPairs ?? []).toEqual([]);
    const seenByAlice = await aliceEc2.send(new DescribeKeyPairsCommand({}));
    expect(seenByAlice.KeyPairs?.map((k) => k.KeyName)).toEqual(['lab-key']);
  });

  it('ignores a learner-supplied x-moto-account-id header', async () => {
    const bobForgingAlice = forging(new EC2Client(as(bob)), alice);
    expect((await bobForgingAlice.send(new DescribeKeyPairsCommand({}))).KeyPairs ?? []).toEqual([]);
  });

  it('answers STS GetCallerIdentity with the account; other keys are 000000000000', async () => {
    expect((await new STSClient(as(alice)).send(new GetCallerIdentityCommand({}))).Account).toBe(alice);
    const other = new STSClient({ ...as(alice), credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } });
    expect((await other.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
  });

  it('keeps bucket names global but buckets private to their account', async () => {
    const bucket = `accounts-${alice}`;
    await new S3Client(as(alice)).send(new CreateBucketCommand({ Bucket: bucket }));
    await new S3Client(as(alice)).send(new PutObjectCommand({ Bucket: bucket, Key: 'secret.txt', Body: 'alice only' }));
    const bobS3 = new S3Client(as(bob));
    expect((await bobS3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    expect(await failure(bobS3.send(new CreateBucketCommand({ Bucket: bucket })))).toMatchObject({ name: 'BucketAlreadyExists' });
    expect(await failure(bobS3.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret.txt' })))).toMatchObject({ name: 'AccessDenied' });
    expect(await failure(bobS3.send(new PutObjectCommand({ Bucket: bucket, Key: 'x', Body: 'x' })))).toMatchObject({ name: 'AccessDenied' });
  });

  it('isolates IAM, Lambda, ECS, EKS, ELBv2, Auto Scaling and CloudWatch Logs', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const { Role } = await new IAMClient(as(alice)).send(new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: trust }));
    expect(await failure(new IAMClient(as(bob)).send(new GetRoleCommand({ RoleName: 'lambda-exec' })))).toMatchObject({ name: 'NoSuchEntityException' });

    await new LambdaClient(as(alice)).send(new CreateFunctionCommand({
      FunctionName: 'hello-fn', Runtime: 'nodejs22.x', Role: Role!.Arn!, Handler: 'index.handler',
      Code: { ZipFile: zipSync({ 'index.mjs': strToU8('export const handler = async () => 1;') }) },
    }));
    expect(await failure(new LambdaClient(as(bob)).send(new GetFunctionCommand({ FunctionName: 'hello-fn' })))).toMatchObject({ name: 'ResourceNotFoundException' });

    await new ECSClient(as(alice)).send(new CreateEcsCluster({ clusterName: 'lab-cluster' }));
    expect((await new ECSClient(as(bob)).send(new ListEcsClusters({}))).clusterArns ?? []).toEqual([]);

    const aliceEc2 = new EC2Client(as(alice));
    const subnets = await subnetsInZones(aliceEc2, DescribeSubnetsCommand);
    await new EKSClient(as(alice)).send(new CreateEksCluster({ name: 'lab-eks', roleArn: `arn:aws:iam::${alice}:role/eks`, resourcesVpcConfig: { subnetIds: subnets.slice(0, 2) } }));
    expect((await new EKSClient(as(bob)).send(new ListEksClusters({}))).clusters ?? []).toEqual([]);

    const { Vpcs = [] } = await aliceEc2.send(new DescribeVpcsCommand({}));
    await new ElasticLoadBalancingV2Client(as(alice)).send(new CreateTargetGroupCommand({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: Vpcs[0]!.VpcId! }));
    expect(await failure(new ElasticLoadBalancingV2Client(as(bob)).send(new DescribeTargetGroupsCommand({ Names: ['web-tg'] })))).toMatchObject({ name: 'TargetGroupNotFoundException' });

    await aliceEc2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    await new AutoScalingClient(as(alice)).send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'web-asg', MinSize: 0, MaxSize: 1, DesiredCapacity: 0, VPCZoneIdentifier: subnets[0], LaunchTemplate: { LaunchTemplateName: 'web-lt' },
    }));
    expect((await new AutoScalingClient(as(alice)).send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups).toHaveLength(1);
    expect((await new AutoScalingClient(as(bob)).send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? []).toEqual([]);

    await new CloudWatchLogsClient(as(alice)).send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/hello-fn' }));
    expect((await new CloudWatchLogsClient(as(bob)).send(new DescribeLogGroupsCommand({}))).logGroups ?? []).toEqual([]);
    expect((await new CloudWatchLogsClient(as(alice)).send(new DescribeLogGroupsCommand({}))).logGroups).toHaveLength(1);
  });

  it('never forwards the sandbox admin routes to the backend', async () => {
    const response = await fetch(`${testEndpoint()}/_infralabs/bucket-owner?bucket=accounts-${alice}`);
    expect(response.status).toBe(404);
  });
});
