import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeSubnetsCommand, DescribeVpcsCommand, CreateLaunchTemplateCommand, DescribeInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import {
  ElasticLoadBalancingV2Client, CreateLoadBalancerCommand, CreateTargetGroupCommand, DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AutoScalingClient, CreateAutoScalingGroupCommand, PutScalingPolicyCommand, UpdateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, SetDesiredCapacityCommand,
  AttachTrafficSourcesCommand, DetachTrafficSourcesCommand, DescribeTrafficSourcesCommand,
} from '@aws-sdk/client-auto-scaling';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { subnetsInZones } from './test-subnets.ts';

const account = freshAccount();
const ec2 = new EC2Client(clientConfig(account));
const elb = new ElasticLoadBalancingV2Client(clientConfig(account));
const autoscaling = new AutoScalingClient(clientConfig(account));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

describe('load balancers and Auto Scaling', () => {
  it('refuses an application load balancer in one zone with ValidationError', async () => {
    const subnets = await subnetsInZones(ec2, DescribeSubnetsCommand);
    const refused = await failure(elb.send(new CreateLoadBalancerCommand({ Name: 'one-zone', Subnets: [subnets[0]!] })));
    expect(refused).toMatchObject({ name: 'ValidationError' });
    expect(refused!.message).toContain('two different Availability Zones');
    const { LoadBalancers = [] } = await elb.send(new CreateLoadBalancerCommand({ Name: 'two-zones', Subnets: subnets.slice(0, 2) }));
    expect(LoadBalancers[0]?.AvailabilityZones).toHaveLength(2);
  });

  it('needs min <= desired <= max, spreads instances over zones and registers replacements healthy', async () => {
    const subnets = (await subnetsInZones(ec2, DescribeSubnetsCommand)).slice(0, 2);
    const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    const { TargetGroups = [] } = await elb.send(new CreateTargetGroupCommand({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: Vpcs[0]!.VpcId! }));
    const targetGroupArn = TargetGroups[0]!.TargetGroupArn!;
    const group = {
      AutoScalingGroupName: 'web-asg', LaunchTemplate: { LaunchTemplateName: 'web-lt' }, VPCZoneIdentifier: subnets.join(','),
      TargetGroupARNs: [targetGroupArn], HealthCheckType: 'ELB',
    };

    const inverted = await failure(autoscaling.send(new CreateAutoScalingGroupCommand({ ...group, MinSize: 3, MaxSize: 1 })));
    expect(inverted).toMatchObject({ name: 'ValidationError' });
    const outside = await failure(autoscaling.send(new CreateAutoScalingGroupCommand({ ...group, MinSize: 1, MaxSize: 2, DesiredCapacity: 5 })));
    expect(outside!.message).toContain('Desired capacity:5');

    await autoscaling.send(new CreateAutoScalingGroupCommand({ ...group, MinSize: 2, MaxSize: 4, DesiredCapacity: 2 }));
    expect(await failure(autoscaling.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'web-asg', MaxSize: 1 })))).toMatchObject({ name: 'ValidationError' });
    expect(await failure(autoscaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'web-asg', DesiredCapacity: 9 })))).toMatchObject({ name: 'ValidationError' });

    const { PolicyARN } = await autoscaling.send(new PutScalingPolicyCommand({
      AutoScalingGroupName: 'web-asg', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
    }));
    expect(PolicyARN).toMatch(/^arn:aws:autoscaling:/);

    const instances = async () => (await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web-asg'] }))).AutoScalingGroups![0]!.Instances ?? [];
    const first = await instances();
    expect(new Set(first.map((instance) => instance.AvailabilityZone)).size).toBe(2);

    const healthy = async () => (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }))).TargetHealthDescriptions!
      .filter((target) => target.TargetHealth?.State === 'healthy').map((target) => target.Target!.Id!).sort();
    expect(await healthy()).toEqual(first.map((instance) => instance.InstanceId!).sort());

    const victim = first[0]!.InstanceId!;
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [victim] }));
    const after = await instances();
    expect(after).toHaveLength(2);
    expect(after.map((instance) => instance.InstanceId)).not.toContain(victim);
    expect(new Set(after.map((instance) => instance.AvailabilityZone)).size).toBe(2);
    expect(await healthy()).toEqual(after.map((instance) => instance.InstanceId!).sort());
    const { Reservations = [] } = await ec2.send(new DescribeInstancesCommand({ InstanceIds: after.map((instance) => instance.InstanceId!) }));
    expect(Reservations.flatMap((r) => r.Instances ?? []).every((instance) => instance.State?.Name === 'running')).toBe(true);
  });

  it('attaches target groups given as traffic sources, as AWS now documents, and registers the instances', async () => {
    const subnets = (await subnetsInZones(ec2, DescribeSubnetsCommand)).slice(0, 2);
    const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'sources-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    const { TargetGroups = [] } = await elb.send(new CreateTargetGroupCommand({ Name: 'sources-tg', Protocol: 'HTTP', Port: 80, VpcId: Vpcs[0]!.VpcId! }));
    const arn = TargetGroups[0]!.TargetGroupArn!;
    const name = 'sources-asg';
    await autoscaling.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: name, LaunchTemplate: { LaunchTemplateName: 'sources-lt' }, VPCZoneIdentifier: subnets.join(','),
      MinSize: 1, MaxSize: 2, DesiredCapacity: 1, TrafficSources: [{ Identifier: arn }],
    }));
    const sources = async () => (await autoscaling.send(new DescribeTrafficSourcesCommand({ AutoScalingGroupName: name }))).TrafficSources ?? [];
    expect(await sources()).toEqual([expect.objectContaining({ Identifier: arn, Type: 'elbv2' })]);
    const { AutoScalingGroups = [] } = await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
    const registered = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions!.map((target) => target.Target!.Id);
    expect(registered).toEqual(AutoScalingGroups[0]!.Instances!.map((instance) => instance.InstanceId));

    await autoscaling.send(new DetachTrafficSourcesCommand({ AutoScalingGroupName: name, TrafficSources: [{ Identifier: arn, Type: 'elbv2' }] }));
    expect(await sources()).toEqual([]);
    await autoscaling.send(new AttachTrafficSourcesCommand({ AutoScalingGroupName: name, TrafficSources: [{ Identifier: arn, Type: 'elbv2' }] }));
    expect(await sources()).toHaveLength(1);

    const lattice = await failure(autoscaling.send(new AttachTrafficSourcesCommand({ AutoScalingGroupName: name, TrafficSources: [{ Identifier: 'arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0', Type: 'vpc-lattice' }] })));
    expect(lattice).toMatchObject({ name: 'ValidationError' });
    const missing = await failure(autoscaling.send(new AttachTrafficSourcesCommand({ AutoScalingGroupName: 'no-such-asg', TrafficSources: [{ Identifier: arn }] })));
    expect(missing).toMatchObject({ name: 'ValidationError' });
  });
});
