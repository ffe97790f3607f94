// Reference solution: a launch template, a target group behind an internet-facing ALB, and an Auto
//ko 정답 코드: 시작 템플릿, 인터넷 경계 ALB 뒤의 대상 그룹, 그리고 가용 영역 두 곳에 걸쳐
//ko 정상 인스턴스 두 개를 등록해 두는 Auto Scaling 그룹.
// Scaling group across two Availability Zones that keeps two healthy instances registered.
import {
  CreateLaunchTemplateCommand,
  DescribeImagesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  PutScalingPolicyCommand,
  TerminateInstanceInAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';

const ec2 = new EC2Client({});
const elb = new ElasticLoadBalancingV2Client({});
const autoscaling = new AutoScalingClient({});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The default VPC and one default subnet in each of two Availability Zones.
//ko 기본 VPC와, 가용 영역 두 곳에서 하나씩 고른 기본 서브넷.
const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
const vpcId = Vpcs![0]!.VpcId!;
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({
  Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'availability-zone', Values: ['us-east-1a', 'us-east-1b'] }],
}));
const subnetIds = Subnets!.map((subnet) => subnet.SubnetId!);
console.log(`Subnets: ${Subnets!.map((subnet) => `${subnet.SubnetId} (${subnet.AvailabilityZone})`).join(', ')}`);

// 1. Launch template: what every instance of the group starts from (the newest Amazon Linux 2023).
//ko 1. 시작 템플릿: 그룹의 모든 인스턴스가 이것으로 시작합니다 (최신 Amazon Linux 2023).
const { Images } = await ec2.send(new DescribeImagesCommand({
  Owners: ['amazon'],
  Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }, { Name: 'state', Values: ['available'] }],
}));
const image = Images!.sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0]!;
const userData = `#!/bin/bash
dnf install -y nginx
echo ok > /usr/share/nginx/html/health
echo "hello from $(hostname)" > /usr/share/nginx/html/index.html
systemctl enable --now nginx
`;
try {
  await ec2.send(new CreateLaunchTemplateCommand({
    LaunchTemplateName: 'web-lt',
    LaunchTemplateData: {
      ImageId: image.ImageId,
      InstanceType: 't3.micro',
      UserData: btoa(userData),
    },
  }));
  console.log(`Created launch template web-lt with ${image.ImageId} (${image.Name})`);
} catch (error) {
  if ((error as Error).name !== 'InvalidLaunchTemplateName.AlreadyExistsException') throw error;
  console.log('Launch template web-lt already exists');
}

// 2. Target group: where the load balancer sends traffic, and how it checks health.
//ko 2. 대상 그룹: 로드 밸런서가 트래픽을 보내는 곳이자, 상태를 확인하는 방법.
async function findTargetGroup() {
  try {
    return (await elb.send(new DescribeTargetGroupsCommand({ Names: ['web-tg'] }))).TargetGroups![0];
  } catch (error) {
    if ((error as Error).name === 'TargetGroupNotFoundException') return undefined;
    throw error;
  }
}
const targetGroup = (await findTargetGroup()) ?? (await elb.send(new CreateTargetGroupCommand({
  Name: 'web-tg',
  Protocol: 'HTTP',
  Port: 80,
  VpcId: vpcId,
  TargetType: 'instance',
  HealthCheckPath: '/health',
}))).TargetGroups![0]!;
const targetGroupArn = targetGroup.TargetGroupArn!;
console.log(`Target group ${targetGroupArn}`);

// 3. Internet-facing Application Load Balancer in two AZs, listening on HTTP 80.
//ko 3. 두 가용 영역에 걸쳐 HTTP 80에서 수신하는 인터넷 경계 Application Load Balancer.
async function findLoadBalancer() {
  try {
    return (await elb.send(new DescribeLoadBalancersCommand({ Names: ['web-alb'] }))).LoadBalancers![0];
  } catch (error) {
    if ((error as Error).name === 'LoadBalancerNotFoundException') return undefined;
    throw error;
  }
}
const loadBalancer = (await findLoadBalancer()) ?? (await elb.send(new CreateLoadBalancerCommand({
  Name: 'web-alb',
  Type: 'application',
  Scheme: 'internet-facing',
  Subnets: subnetIds,
}))).LoadBalancers![0]!;
console.log(`Load balancer ${loadBalancer.DNSName}`);
const { Listeners } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancer.LoadBalancerArn }));
if (!Listeners?.some((listener) => listener.Port === 80)) {
  await elb.send(new CreateListenerCommand({
    LoadBalancerArn: loadBalancer.LoadBalancerArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
  }));
  console.log('Listener HTTP:80 -> web-tg');
}

// 4. Auto Scaling group: two instances across both AZs, registered in web-tg, replaced when the
//    load balancer's health check fails.
//ko 4. Auto Scaling 그룹: 두 가용 영역에 인스턴스 두 개를 두고 web-tg에 등록하며,
//ko    로드 밸런서의 상태 확인에 실패하면 교체합니다.
const existing = await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web-asg'] }));
if (existing.AutoScalingGroups?.length) {
  console.log('Auto Scaling group web-asg already exists');
} else {
  await autoscaling.send(new CreateAutoScalingGroupCommand({
    AutoScalingGroupName: 'web-asg',
    LaunchTemplate: { LaunchTemplateName: 'web-lt', Version: '$Default' },
    MinSize: 2,
    MaxSize: 4,
    DesiredCapacity: 2,
    VPCZoneIdentifier: subnetIds.join(','),
    TargetGroupARNs: [targetGroupArn],
    HealthCheckType: 'ELB',
    HealthCheckGracePeriod: 120,
  }));
  console.log('Created Auto Scaling group web-asg');
}

// 5. Target tracking: keep the group's average CPU near 50 %.
//ko 5. 대상 추적: 그룹의 평균 CPU를 50 % 근처로 유지합니다.
await autoscaling.send(new PutScalingPolicyCommand({
  AutoScalingGroupName: 'web-asg',
  PolicyName: 'cpu50',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: {
    PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
    TargetValue: 50,
  },
}));
console.log('Target tracking policy cpu50: average CPU 50 %');

// 6. Wait for two healthy targets, then terminate one and watch the group replace it.
//ko 6. healthy 대상이 두 개가 되기를 기다렸다가, 하나를 종료하고 그룹이 그것을 교체하는 모습을 지켜봅니다.
async function healthyTargets(): Promise<string[]> {
  const { TargetHealthDescriptions } = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === 'healthy').map((t) => t.Target!.Id!);
}
async function waitForHealthy(count: number, without?: string): Promise<string[]> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const healthy = (await healthyTargets()).filter((id) => id !== without);
    if (healthy.length >= count) return healthy;
    await sleep(5000);
  }
  throw new Error(`web-tg did not get ${count} healthy targets in 5 minutes`);
}
const before = await waitForHealthy(2);
console.log(`Healthy in web-tg: ${before.join(', ')}`);
await autoscaling.send(new TerminateInstanceInAutoScalingGroupCommand({ InstanceId: before[0], ShouldDecrementDesiredCapacity: false }));
console.log(`Terminated ${before[0]}; waiting for the group to replace it`);
const after = await waitForHealthy(2, before[0]);
console.log(`Healthy in web-tg: ${after.join(', ')}`);
