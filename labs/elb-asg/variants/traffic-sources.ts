// Another correct way, as AWS's documentation now recommends: the target group given to the Auto
// Scaling group as a traffic source (TrafficSources, no TargetGroupARNs), subnets looked up by
// the default-for-az filter, and the replacement checked through DescribeTrafficSources.
import { CreateLaunchTemplateCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeTrafficSourcesCommand,
  PutScalingPolicyCommand,
  TerminateInstanceInAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';

const ec2 = new EC2Client({});
const elb = new ElasticLoadBalancingV2Client({});
const autoscaling = new AutoScalingClient({});

const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
const subnetIds = Subnets!.sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!)).slice(0, 2).map((subnet) => subnet.SubnetId!);

await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
const { TargetGroups } = await elb.send(new CreateTargetGroupCommand({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: Vpcs![0]!.VpcId, HealthCheckPath: '/health' }));
const targetGroupArn = TargetGroups![0]!.TargetGroupArn!;
const { LoadBalancers } = await elb.send(new CreateLoadBalancerCommand({ Name: 'web-alb', Subnets: subnetIds }));
await elb.send(new CreateListenerCommand({
  LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn,
  Protocol: 'HTTP',
  Port: 80,
  DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
}));

await autoscaling.send(new CreateAutoScalingGroupCommand({
  AutoScalingGroupName: 'web-asg',
  LaunchTemplate: { LaunchTemplateName: 'web-lt' },
  MinSize: 2,
  MaxSize: 4,
  VPCZoneIdentifier: subnetIds.join(','),
  TrafficSources: [{ Identifier: targetGroupArn, Type: 'elbv2' }],
  HealthCheckType: 'ELB',
}));
const { TrafficSources } = await autoscaling.send(new DescribeTrafficSourcesCommand({ AutoScalingGroupName: 'web-asg' }));
console.log(`Traffic sources: ${TrafficSources!.map((source) => `${source.Identifier} (${source.State})`).join(', ')}`);
await autoscaling.send(new PutScalingPolicyCommand({
  AutoScalingGroupName: 'web-asg',
  PolicyName: 'cpu50',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
}));

const healthy = async () => ((await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))).TargetHealthDescriptions ?? [])
  .filter((target) => target.TargetHealth?.State === 'healthy').map((target) => target.Target!.Id!);
const [victim] = await healthy();
await autoscaling.send(new TerminateInstanceInAutoScalingGroupCommand({ InstanceId: victim, ShouldDecrementDesiredCapacity: false }));
console.log(`Terminated ${victim}; healthy now: ${(await healthy()).join(', ')}`);
