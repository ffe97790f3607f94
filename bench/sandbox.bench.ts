// Sandbox figures for `npm run bench`: start-up, gateway overhead, memory after lab-like flows.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { EC2Client, DescribeVpcsCommand, DescribeSubnetsCommand, CreateKeyPairCommand, CreateSecurityGroupCommand, AuthorizeSecurityGroupIngressCommand, RunInstancesCommand, CreateVolumeCommand, AttachVolumeCommand, CreateSnapshotCommand, CreateLaunchTemplateCommand, DescribeSecurityGroupsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { S3Client, CreateBucketCommand, PutBucketWebsiteCommand, PutObjectCommand, PutPublicAccessBlockCommand, PutBucketPolicyCommand, PutBucketVersioningCommand, PutBucketLifecycleConfigurationCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { IAMClient, CreateRoleCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { LambdaClient, CreateFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, CreateServiceCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { EKSClient, CreateClusterCommand as CreateEksCluster, CreateNodegroupCommand } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client, CreateTargetGroupCommand, CreateLoadBalancerCommand, CreateListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, PutScalingPolicyCommand } from '@aws-sdk/client-auto-scaling';
import { zipSync, strToU8 } from 'fflate';
import { startSandboxProcess } from '../sandbox/sandbox-process.ts';
import { resetSandbox } from '../sandbox/reset.ts';
import { median, medianMs } from './median.ts';

const config = (endpoint: string, account: string) => ({
  endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'bench' }, forcePathStyle: true,
});

/** moto answers only its gateway, which proves itself with a token; the bench gives the sandbox
 *  process one it knows (inherited through the environment), to call moto straight. */
const backendToken = randomBytes(24).toString('hex');
process.env.INFRALABS_BACKEND_TOKEN = backendToken;

/** Straight to moto: the account goes in moto's own header, as the gateway would send it. */
function direct<T extends { middlewareStack: { add: (...args: never[]) => void } }>(client: T, account: string): T {
  (client.middlewareStack.add as (m: unknown, o: unknown) => void)(
    (next: (args: { request: { headers: Record<string, string> } }) => unknown) => (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers['x-moto-account-id'] = account;
      args.request.headers['x-infralabs-backend-token'] = backendToken;
      return next(args);
    },
    { step: 'build' },
  );
  return client;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024;
}

/** As `infralabs sandbox` starts it: a new Node process, moto, the gateway, until both answer. */
async function startToReady(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const sandbox = await startSandboxProcess({ port: 0 });
    times.push(performance.now() - started);
    await sandbox.stop();
  }
  return median(times);
}

/** A pass-through proxy in its own process: Node's HTTP server and client and nothing else, the
 *  floor that any gateway in a separate process pays on this machine. */
async function passThroughProxy(backendUrl: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const script = `
    const http = await import('node:http');
    const backend = new URL(${JSON.stringify(backendUrl)});
    const agent = new http.Agent({ keepAlive: true });
    const server = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk)).on('end', () => {
        const headers = { ...request.headers, 'x-moto-account-id': '100000000001', 'x-infralabs-backend-token': ${JSON.stringify(backendToken)} };
        http.request({ host: backend.hostname, port: backend.port, method: request.method, path: request.url, headers, agent }, (answer) => {
          const parts = [];
          answer.on('data', (part) => parts.push(part)).on('end', () => { response.writeHead(answer.statusCode, answer.headers); response.end(Buffer.concat(parts)); });
        }).end(Buffer.concat(chunks));
      });
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write('http://127.0.0.1:' + server.address().port + '\\n'));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout!, 'data') as [Buffer];
  return { endpoint: line.toString().trim(), child };
}

async function gatewayRatio(sandbox: { endpoint: string; backendUrl: string; proxyUrl: string }): Promise<{ viaGateway: number; straight: number; viaProxy: number }> {
  const account = '100000000001';
  const calls = (endpoint: string, wrap: <T extends { middlewareStack: { add: (...args: never[]) => void } }>(c: T) => T) => {
    const ec2 = wrap(new EC2Client(config(endpoint, account)));
    const s3 = wrap(new S3Client(config(endpoint, account)));
    const lambda = wrap(new LambdaClient(config(endpoint, account)));
    const ecs = wrap(new ECSClient(config(endpoint, account)));
    // One after another, as a lab script makes them: the gateway's cost per call, not the
    // two-core machine's contention between three processes.
    return async () => {
      await ec2.send(new DescribeVpcsCommand({}));
      await ec2.send(new DescribeSecurityGroupsCommand({}));
      await ec2.send(new DescribeInstancesCommand({}));
      await s3.send(new ListBucketsCommand({}));
      await lambda.send(new ListFunctionsCommand({}));
      await ecs.send(new ListClustersCommand({}));
    };
  };
  const viaGateway = calls(sandbox.endpoint, (c) => c);
  const straight = calls(sandbox.backendUrl, (c) => direct(c, account));
  const viaProxy = calls(sandbox.proxyUrl, (c) => c);
  const rounds = { viaGateway, straight, viaProxy };
  // Interleaved rounds, so that the shared machine's noise falls on all alike.
  const times = { viaGateway: [] as number[], straight: [] as number[], viaProxy: [] as number[] };
  for (const run of Object.values(rounds)) await run();
  for (let i = 0; i < 30; i++) {
    for (const [name, run] of Object.entries(rounds)) times[name as keyof typeof rounds].push(await medianMs(1, run));
  }
  return { viaGateway: median(times.viaGateway), straight: median(times.straight), viaProxy: median(times.viaProxy) };
}

/** Every lab's resources (the seven labs of /work/shared/labs.md) in one account. */
async function labFlows(endpoint: string, account: string): Promise<void> {
  const c = config(endpoint, account);
  const ec2 = new EC2Client(c);
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
  const subnets = Subnets.sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!)).slice(0, 2);
  const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
  await ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web' }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
  const { Instances = [] } = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, KeyName: 'lab-key', SecurityGroupIds: [GroupId!], Placement: { AvailabilityZone: 'us-east-1a' } }));
  const { VolumeId } = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp3' }));
  await ec2.send(new AttachVolumeCommand({ VolumeId, InstanceId: Instances[0]!.InstanceId, Device: '/dev/sdf' }));
  await ec2.send(new CreateSnapshotCommand({ VolumeId }));

  const s3 = new S3Client(c);
  const site = `site-${account}`;
  await s3.send(new CreateBucketCommand({ Bucket: site }));
  await s3.send(new PutBucketWebsiteCommand({ Bucket: site, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
  await s3.send(new PutObjectCommand({ Bucket: site, Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }));
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: site, PublicAccessBlockConfiguration: { BlockPublicPolicy: false, RestrictPublicBuckets: false, BlockPublicAcls: true, IgnorePublicAcls: true } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: site, Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${site}/*` }] }) }));
  await fetch(`${endpoint}/_infralabs/website/${site}/`);
  const backup = `backup-${account}`;
  await s3.send(new CreateBucketCommand({ Bucket: backup }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: backup, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: backup, LifecycleConfiguration: { Rules: [{ ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transitions: [{ Days: 30, StorageClass: 'GLACIER' }], NoncurrentVersionExpiration: { NoncurrentDays: 90 } }] } }));
  for (const body of ['one', 'two']) await s3.send(new PutObjectCommand({ Bucket: backup, Key: 'logs/app.log', Body: body }));

  const elb = new ElasticLoadBalancingV2Client(c);
  await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
  const { TargetGroups = [] } = await elb.send(new CreateTargetGroupCommand({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: Vpcs[0]!.VpcId, HealthCheckPath: '/health' }));
  const { LoadBalancers = [] } = await elb.send(new CreateLoadBalancerCommand({ Name: 'web-alb', Subnets: subnets.map((s) => s.SubnetId!), Scheme: 'internet-facing' }));
  await elb.send(new CreateListenerCommand({ LoadBalancerArn: LoadBalancers[0]!.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups[0]!.TargetGroupArn }] }));
  const autoscaling = new AutoScalingClient(c);
  await autoscaling.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', LaunchTemplate: { LaunchTemplateName: 'web-lt' }, MinSize: 2, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: subnets.map((s) => s.SubnetId).join(','), TargetGroupARNs: [TargetGroups[0]!.TargetGroupArn!], HealthCheckType: 'ELB' }));
  await autoscaling.send(new PutScalingPolicyCommand({ AutoScalingGroupName: 'web-asg', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 } }));

  const iam = new IAMClient(c);
  const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-exec', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  await new LambdaClient(c).send(new CreateFunctionCommand({ FunctionName: 'hello-fn', Runtime: 'nodejs22.x', Role: Role!.Arn, Handler: 'index.handler', Code: { ZipFile: zipSync({ 'index.mjs': strToU8('export const handler = async (e) => ({ statusCode: 200, body: `hello ${e.name}` });') }) } }));
  const ecs = new ECSClient(c);
  await ecs.send(new CreateClusterCommand({ clusterName: 'lab-cluster' }));
  await ecs.send(new RegisterTaskDefinitionCommand({ family: 'hello-task', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'hello', image: 'node:22', portMappings: [{ containerPort: 8080 }] }] }));
  await ecs.send(new CreateServiceCommand({ cluster: 'lab-cluster', serviceName: 'hello-svc', taskDefinition: 'hello-task', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [subnets[0]!.SubnetId!] } } }));
  const { Role: clusterRole } = await iam.send(new CreateRoleCommand({ RoleName: 'eks-cluster-role', AssumeRolePolicyDocument: trust('eks.amazonaws.com') }));
  const { Role: nodeRole } = await iam.send(new CreateRoleCommand({ RoleName: 'eks-node-role', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
  const eks = new EKSClient(c);
  await eks.send(new CreateEksCluster({ name: 'lab-eks', roleArn: clusterRole!.Arn, resourcesVpcConfig: { subnetIds: subnets.map((s) => s.SubnetId!) } }));
  await eks.send(new CreateNodegroupCommand({ clusterName: 'lab-eks', nodegroupName: 'lab-nodes', nodeRole: nodeRole!.Arn, subnets: subnets.map((s) => s.SubnetId!), instanceTypes: ['t3.medium'], scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 } }));
}

export default async function bench() {
  const start = await startToReady();
  // As `infralabs sandbox` runs it, so that its memory is the sandbox's alone.
  const sandbox = await startSandboxProcess({ port: 0 });
  const { backendUrl } = sandbox;
  const proxy = await passThroughProxy(backendUrl);
  try {
    const { viaGateway, straight, viaProxy } = await gatewayRatio({ endpoint: sandbox.endpoint, backendUrl, proxyUrl: proxy.endpoint });
    const rss = () => ({ moto: rssMb(sandbox.backendPid), gateway: rssMb(sandbox.pid) });
    const accounts = Array.from({ length: 10 }, (_, i) => String(200_000_000_000 + i));
    await labFlows(sandbox.endpoint, accounts[0]!);
    const oneLearner = rss();
    for (const account of accounts.slice(1)) await labFlows(sandbox.endpoint, account);
    const tenLearners = rss();
    for (const account of accounts) await resetSandbox(sandbox.endpoint, { account });
    const afterReset = rss();
    const total = (figures: { moto: number; gateway: number }) => Math.round(figures.moto + figures.gateway);
    return [
      { name: 'sandbox start to ready (its process, moto and the gateway)', value: Math.round(start), unit: 'ms' },
      { name: '6 lab API calls one after another, through the gateway', value: viaGateway, unit: 'ms' },
      { name: 'the same calls straight to moto', value: straight, unit: 'ms' },
      { name: 'gateway / straight ratio', value: viaGateway / straight, unit: 'x', target: '<= 1.15' },
      { name: 'pass-through Node proxy (no gateway logic) / straight ratio: the floor of a separate process', value: viaProxy / straight, unit: 'x' },
      { name: `RSS moto + gateway after every lab flow, one learner (moto ${Math.round(oneLearner.moto)} MB)`, value: total(oneLearner), unit: 'MB', target: '<= 300 MB' },
      { name: `RSS moto + gateway after every lab flow in ${accounts.length} accounts`, value: total(tenLearners), unit: 'MB' },
      { name: `RSS moto + gateway after resetting those ${accounts.length} accounts`, value: total(afterReset), unit: 'MB' },
    ];
  } finally {
    proxy.child.kill();
    await sandbox.stop();
  }
}
