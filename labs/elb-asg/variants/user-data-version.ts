// Another correct way: web-lt's first version has no user data; a second version adds it with
// CreateLaunchTemplateVersion (based on version 1 with SourceVersion) and is made the default, and the
// group launches $Default. The target group names its health check in full: HTTP on port 80.
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
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
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, PutScalingPolicyCommand } from '@aws-sdk/client-auto-scaling';

const ec2 = new EC2Client({});
const elb = new ElasticLoadBalancingV2Client({});
const autoscaling = new AutoScalingClient({});

const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
const vpcId = Vpcs![0]!.VpcId!;
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
const subnetIds = Subnets!.sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!)).slice(0, 2).map((subnet) => subnet.SubnetId!);

await ec2.send(new CreateLaunchTemplateCommand({
  LaunchTemplateName: 'web-lt',
  VersionDescription: 'bare image',
  LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' },
}));
const userData = `#!/bin/bash
dnf install -y nginx
echo ok > /usr/share/nginx/html/health
systemctl enable --now nginx
`;
const { LaunchTemplateVersion } = await ec2.send(new CreateLaunchTemplateVersionCommand({
  LaunchTemplateName: 'web-lt',
  SourceVersion: '1',
  VersionDescription: 'with nginx',
  LaunchTemplateData: { UserData: btoa(userData) },
}));
await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', DefaultVersion: String(LaunchTemplateVersion!.VersionNumber) }));

const { TargetGroups } = await elb.send(new CreateTargetGroupCommand({
  Name: 'web-tg',
  Protocol: 'HTTP',
  Port: 80,
  VpcId: vpcId,
  HealthCheckProtocol: 'HTTP',
  HealthCheckPort: '80',
  HealthCheckPath: '/health',
}));
const targetGroupArn = TargetGroups![0]!.TargetGroupArn!;
const { LoadBalancers } = await elb.send(new CreateLoadBalancerCommand({ Name: 'web-alb', Type: 'application', Scheme: 'internet-facing', Subnets: subnetIds }));
await elb.send(new CreateListenerCommand({
  LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn,
  Protocol: 'HTTP',
  Port: 80,
  DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
}));

await autoscaling.send(new CreateAutoScalingGroupCommand({
  AutoScalingGroupName: 'web-asg',
  LaunchTemplate: { LaunchTemplateName: 'web-lt', Version: '$Default' },
  MinSize: 2,
  MaxSize: 4,
  DesiredCapacity: 2,
  VPCZoneIdentifier: subnetIds.join(','),
  TargetGroupARNs: [targetGroupArn],
  HealthCheckType: 'ELB',
  HealthCheckGracePeriod: 300,
}));
await autoscaling.send(new PutScalingPolicyCommand({
  AutoScalingGroupName: 'web-asg',
  PolicyName: 'cpu-50',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
}));
console.log('done');
