// Another correct way: the launch template referenced by id and $Latest, with a second version made
// the default; the group created first (EC2 health checks, three zones) and fixed afterwards: the
// target group attached later and the health check type switched to ELB; the listener forwarding
// through a ForwardConfig; subnets given as SubnetMappings.
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeImagesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyLaunchTemplateCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AttachLoadBalancerTargetGroupsCommand,
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  PutScalingPolicyCommand,
  UpdateAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';

const ec2 = new EC2Client({});
const elb = new ElasticLoadBalancingV2Client({});
const autoscaling = new AutoScalingClient({});

const { Images } = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['amzn2-ami-hvm-*-x86_64-gp2'] }] }));
const imageId = Images![0]!.ImageId!;
const { LaunchTemplate } = await ec2.send(new CreateLaunchTemplateCommand({
  LaunchTemplateName: 'web-lt',
  LaunchTemplateData: { ImageId: imageId, InstanceType: 't2.micro' },
}));
const templateId = LaunchTemplate!.LaunchTemplateId!;
await ec2.send(new CreateLaunchTemplateVersionCommand({
  LaunchTemplateId: templateId,
  VersionDescription: 'burstable t3',
  LaunchTemplateData: { ImageId: imageId, InstanceType: 't3.micro' },
}));
await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: templateId, DefaultVersion: '2' }));

const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [Vpcs![0]!.VpcId!] }] }));
const subnets = Subnets!.filter((subnet) => ['us-east-1a', 'us-east-1b', 'us-east-1c'].includes(subnet.AvailabilityZone!));

await autoscaling.send(new CreateAutoScalingGroupCommand({
  AutoScalingGroupName: 'web-asg',
  LaunchTemplate: { LaunchTemplateId: templateId, Version: '$Latest' },
  MinSize: 2,
  MaxSize: 4,
  VPCZoneIdentifier: subnets.map((subnet) => subnet.SubnetId).join(','),
}));

const { TargetGroups } = await elb.send(new CreateTargetGroupCommand({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: Vpcs![0]!.VpcId }));
const targetGroupArn = TargetGroups![0]!.TargetGroupArn!;
await elb.send(new ModifyTargetGroupCommand({ TargetGroupArn: targetGroupArn, HealthCheckPath: '/health', HealthCheckIntervalSeconds: 10 }));

const { LoadBalancers } = await elb.send(new CreateLoadBalancerCommand({
  Name: 'web-alb',
  SubnetMappings: subnets.slice(0, 2).map((subnet) => ({ SubnetId: subnet.SubnetId })),
}));
await elb.send(new CreateListenerCommand({
  LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn,
  Protocol: 'HTTP',
  Port: 80,
  DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroupArn, Weight: 1 }] } }],
}));

await autoscaling.send(new AttachLoadBalancerTargetGroupsCommand({ AutoScalingGroupName: 'web-asg', TargetGroupARNs: [targetGroupArn] }));
await autoscaling.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', HealthCheckType: 'ELB', HealthCheckGracePeriod: 60, DesiredCapacity: 2 }));
await autoscaling.send(new PutScalingPolicyCommand({
  AutoScalingGroupName: 'web-asg',
  PolicyName: 'keep-cpu-at-half',
  PolicyType: 'TargetTrackingScaling',
  EstimatedInstanceWarmup: 120,
  TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50.0 },
}));
console.log('done');
