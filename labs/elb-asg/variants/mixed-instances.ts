// Another correct way: the load balancer first, the launch template by name at version 1 inside a
// mixed instances policy, and the group's target group given at creation.
import { CreateLaunchTemplateCommand, DescribeImagesCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, PutScalingPolicyCommand } from '@aws-sdk/client-auto-scaling';

const ec2 = new EC2Client({});
const elb = new ElasticLoadBalancingV2Client({});
const autoscaling = new AutoScalingClient({});

const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
const [first, second] = [Subnets!.find((s) => s.AvailabilityZone === 'us-east-1d')!, Subnets!.find((s) => s.AvailabilityZone === 'us-east-1f')!];

const { LoadBalancers } = await elb.send(new CreateLoadBalancerCommand({
  Name: 'web-alb',
  Type: 'application',
  Scheme: 'internet-facing',
  IpAddressType: 'ipv4',
  Subnets: [first.SubnetId!, second.SubnetId!],
}));
const { TargetGroups } = await elb.send(new CreateTargetGroupCommand({
  Name: 'web-tg',
  Protocol: 'HTTP',
  Port: 80,
  VpcId: first.VpcId,
  HealthCheckProtocol: 'HTTP',
  HealthCheckPath: '/health',
  Matcher: { HttpCode: '200' },
}));
await elb.send(new CreateListenerCommand({
  LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn,
  Protocol: 'HTTP',
  Port: 80,
  DefaultActions: [{ Type: 'forward', TargetGroupArn: TargetGroups![0]!.TargetGroupArn }],
}));

const { Images } = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }] }));
await ec2.send(new CreateLaunchTemplateCommand({
  LaunchTemplateName: 'web-lt',
  LaunchTemplateData: { ImageId: Images![0]!.ImageId, InstanceType: 't3.micro' },
}));
await autoscaling.send(new CreateAutoScalingGroupCommand({
  AutoScalingGroupName: 'web-asg',
  MixedInstancesPolicy: {
    LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'web-lt', Version: '1' } },
    InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 100 },
  },
  MinSize: 2,
  MaxSize: 4,
  DesiredCapacity: 2,
  VPCZoneIdentifier: `${first.SubnetId},${second.SubnetId}`,
  TargetGroupARNs: [TargetGroups![0]!.TargetGroupArn!],
  HealthCheckType: 'ELB',
}));
await autoscaling.send(new PutScalingPolicyCommand({
  AutoScalingGroupName: 'web-asg',
  PolicyName: 'cpu',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
}));
console.log('done');
