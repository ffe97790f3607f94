// What the sandbox benches do to a backend, shared by `bench sandbox` and `bench peers`: the six
// calls a lab script makes one after another, every lab's resources in one account, and the memory
// of a process tree.
import { readdirSync, readFileSync } from 'node:fs';
import { EC2Client, DescribeVpcsCommand, DescribeSubnetsCommand, CreateKeyPairCommand, CreateSecurityGroupCommand, AuthorizeSecurityGroupIngressCommand, RunInstancesCommand, CreateVolumeCommand, AttachVolumeCommand, CreateSnapshotCommand, CreateLaunchTemplateCommand, DescribeSecurityGroupsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { S3Client, CreateBucketCommand, PutBucketWebsiteCommand, PutObjectCommand, PutPublicAccessBlockCommand, PutBucketPolicyCommand, PutBucketVersioningCommand, PutBucketLifecycleConfigurationCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { IAMClient, CreateRoleCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, CreateServiceCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { EKSClient, CreateClusterCommand as CreateEksCluster, CreateNodegroupCommand } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client, CreateTargetGroupCommand, CreateLoadBalancerCommand, CreateListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, PutScalingPolicyCommand } from '@aws-sdk/client-auto-scaling';
import { zipSync, strToU8 } from 'fflate';

export const config = (endpoint: string, account: string) => ({
  endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'bench' }, forcePathStyle: true, maxAttempts: 1,
});

type Client = { middlewareStack: { add: (...args: never[]) => void } };
export type Wrap = <T extends Client>(client: T) => T;

/** The six calls of a lab script, one after another (the cost per call, not the two-core
 *  machine's contention between processes). A call that fails throws, unless `refusalsCount`
 *  (the peers, some without a service): then its answer counts as any other. */
export function sixCalls(endpoint: string, account: string, wrap: Wrap = (client) => client, refusalsCount = false): () => Promise<void> {
  const ec2 = wrap(new EC2Client(config(endpoint, account)));
  const s3 = wrap(new S3Client(config(endpoint, account)));
  const lambda = wrap(new LambdaClient(config(endpoint, account)));
  const ecs = wrap(new ECSClient(config(endpoint, account)));
  const answered = (call: Promise<unknown>) => (refusalsCount ? call.catch(() => undefined) : call);
  return async () => {
    await answered(ec2.send(new DescribeVpcsCommand({})));
    await answered(ec2.send(new DescribeSecurityGroupsCommand({})));
    await answered(ec2.send(new DescribeInstancesCommand({})));
    await answered(s3.send(new ListBucketsCommand({})));
    await answered(lambda.send(new ListFunctionsCommand({})));
    await answered(ecs.send(new ListClustersCommand({})));
  };
}

interface Network { vpcId: string; subnetIds: string[] }

async function network(endpoint: string, account: string, wrap: Wrap): Promise<Network> {
  const ec2 = wrap(new EC2Client(config(endpoint, account)));
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
  const subnets = Subnets.sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!)).slice(0, 2);
  const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
  return { vpcId: Vpcs[0]!.VpcId!, subnetIds: subnets.map((s) => s.SubnetId!) };
}

const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

/** Every lab's resources (the labs of /work/shared/labs.md), lab by lab. */
const flows: Record<string, (endpoint: string, account: string, net: Network, wrap: Wrap) => Promise<void>> = {
  async 'ec2 and ebs'(endpoint, account, _net, wrap) {
    const ec2 = wrap(new EC2Client(config(endpoint, account)));
    await ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web' }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    const { Instances = [] } = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, KeyName: 'lab-key', SecurityGroupIds: [GroupId!], Placement: { AvailabilityZone: 'us-east-1a' } }));
    const { VolumeId } = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp3' }));
    await ec2.send(new AttachVolumeCommand({ VolumeId, InstanceId: Instances[0]!.InstanceId, Device: '/dev/sdf' }));
    await ec2.send(new CreateSnapshotCommand({ VolumeId }));
  },
  async s3(endpoint, account, _net, wrap) {
    const s3 = wrap(new S3Client(config(endpoint, account)));
    const site = `site-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: site }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: site, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
    await s3.send(new PutObjectCommand({ Bucket: site, Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: site, PublicAccessBlockConfiguration: { BlockPublicPolicy: false, RestrictPublicBuckets: false, BlockPublicAcls: true, IgnorePublicAcls: true } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: site, Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${site}/*` }] }) }));
    await fetch(`${endpoint}/_infralabs/website/${site}/`).catch(() => undefined);
    const backup = `backup-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: backup }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: backup, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: backup, LifecycleConfiguration: { Rules: [{ ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transitions: [{ Days: 30, StorageClass: 'GLACIER' }], NoncurrentVersionExpiration: { NoncurrentDays: 90 } }] } }));
    for (const body of ['one', 'two']) await s3.send(new PutObjectCommand({ Bucket: backup, Key: 'logs/app.log', Body: body }));
  },
  async 'elb and auto scaling'(endpoint, account, net, wrap) {
    const ec2 = wrap(new EC2Client(config(endpoint, account)));
    const elb = wrap(new ElasticLoadBalancingV2Client(config(endpoint, account)));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    const { TargetGroups = [] } = await elb.send(new CreateTargetGroupCommand({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: net.vpcId, HealthCheckPath: '/health' }));
    const { LoadBalancers = [] } = await elb.send(new CreateLoadBalancerCommand({ Name: 'web-alb', Subnets: net.subnetIds, Scheme: 'internet-facing' }));
    await elb.send(new CreateListenerCommand({ LoadBalancerArn: LoadBalancers[0]!.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0]!.TargetGroupArn }] }));
    const autoscaling = wrap(new AutoScalingClient(config(endpoint, account)));
    await autoscaling.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', LaunchTemplate: { LaunchTemplateName: 'web-lt' }, MinSize: 2, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: net.subnetIds.join(','), TargetGroupARNs: [TargetGroups[0]!.TargetGroupArn!], HealthCheckType: 'ELB' }));
    await autoscaling.send(new PutScalingPolicyCommand({ AutoScalingGroupName: 'web-asg', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 } }));
  },
  async lambda(endpoint, account, _net, wrap) {
    const iam = wrap(new IAMClient(config(endpoint, account)));
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-exec', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
    await wrap(new LambdaClient(config(endpoint, account))).send(new CreateFunctionCommand({ FunctionName: 'hello-fn', Runtime: 'nodejs22.x', Role: Role!.Arn, Handler: 'index.handler', Code: { ZipFile: zipSync({ 'index.mjs': strToU8('export const handler = async (e) => ({ statusCode: 200, body: `hello ${e.name}` });') }) } }));
  },
  async ecs(endpoint, account, net, wrap) {
    const ecs = wrap(new ECSClient(config(endpoint, account)));
    await ecs.send(new CreateClusterCommand({ clusterName: 'lab-cluster' }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'hello-task', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'hello', image: 'node:22', portMappings: [{ containerPort: 8080 }] }] }));
    await ecs.send(new CreateServiceCommand({ cluster: 'lab-cluster', serviceName: 'hello-svc', taskDefinition: 'hello-task', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [net.subnetIds[0]!] } } }));
  },
  async eks(endpoint, account, net, wrap) {
    const iam = wrap(new IAMClient(config(endpoint, account)));
    const { Role: clusterRole } = await iam.send(new CreateRoleCommand({ RoleName: 'eks-cluster-role', AssumeRolePolicyDocument: trust('eks.amazonaws.com') }));
    const { Role: nodeRole } = await iam.send(new CreateRoleCommand({ RoleName: 'eks-node-role', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
    const eks = wrap(new EKSClient(config(endpoint, account)));
    await eks.send(new CreateEksCluster({ name: 'lab-eks', roleArn: clusterRole!.Arn, resourcesVpcConfig: { subnetIds: net.subnetIds } }));
    await eks.send(new CreateNodegroupCommand({ clusterName: 'lab-eks', nodegroupName: 'lab-nodes', nodeRole: nodeRole!.Arn, subnets: net.subnetIds, instanceTypes: ['t3.medium'], scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 } }));
  },
};

/** Every lab's resources in one account; returns the flows the backend refused (each stops at its
 *  first refused call), so a backend without a service still gets the rest. */
export async function labFlows(endpoint: string, account: string, wrap: Wrap = (client) => client): Promise<string[]> {
  const net = await network(endpoint, account, wrap);
  const refused: string[] = [];
  for (const [name, flow] of Object.entries(flows)) {
    try {
      await flow(endpoint, account, net, wrap);
    } catch {
      refused.push(name);
    }
  }
  return refused;
}

/** Resident memory of a process and every process below it, in MB (Linux /proc). */
export function treeRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree.reduce((sum, one) => sum + rssMb(one), 0);
}

export function rssMb(pid: number | undefined): number {
  return statusMb(pid, 'VmRSS');
}

/** A memory figure of a process from /proc/<pid>/status, in MB: VmRSS (resident now) or VmHWM
 *  (the most it held); 0 for a process that is not there. */
export function statusMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (!pid) return 0;
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
