import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeSubnetsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { EKSClient, CreateClusterCommand, CreateNodegroupCommand, UpdateNodegroupConfigCommand, DeleteNodegroupCommand } from '@aws-sdk/client-eks';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { subnetsInZones } from './test-subnets.ts';

const account = freshAccount();
const ec2 = new EC2Client(clientConfig(account));
const eks = new EKSClient(clientConfig(account));
const autoscaling = new AutoScalingClient(clientConfig(account));

describe('EKS managed node groups', () => {
  it('are EC2 instances in an Auto Scaling group that follows the node group', async () => {
    const subnets = (await subnetsInZones(ec2, DescribeSubnetsCommand)).slice(0, 2);
    await eks.send(new CreateClusterCommand({ name: 'nodes', roleArn: `arn:aws:iam::${account}:role/cluster`, resourcesVpcConfig: { subnetIds: subnets } }));
    const { nodegroup } = await eks.send(new CreateNodegroupCommand({
      clusterName: 'nodes', nodegroupName: 'workers', nodeRole: `arn:aws:iam::${account}:role/node`, subnets,
      instanceTypes: ['t3.medium'], scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 },
    }));
    const groupName = nodegroup!.resources!.autoScalingGroups![0]!.name!;
    const group = async () => (await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [groupName] }))).AutoScalingGroups?.[0];
    expect(await group()).toMatchObject({ MinSize: 1, DesiredCapacity: 2, MaxSize: 3 });

    const nodes = async () => (await ec2.send(new DescribeInstancesCommand({
      Filters: [{ Name: 'tag:eks:nodegroup-name', Values: ['workers'] }, { Name: 'instance-state-name', Values: ['pending', 'running'] }],
    }))).Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    const first = await nodes();
    expect(first).toHaveLength(2);
    expect(first.every((instance) => instance.InstanceType === 't3.medium')).toBe(true);
    expect(first[0]!.Tags).toEqual(expect.arrayContaining([{ Key: 'eks:cluster-name', Value: 'nodes' }, { Key: 'kubernetes.io/cluster/nodes', Value: 'owned' }]));

    await eks.send(new UpdateNodegroupConfigCommand({ clusterName: 'nodes', nodegroupName: 'workers', scalingConfig: { minSize: 1, desiredSize: 3, maxSize: 3 } }));
    expect(await group()).toMatchObject({ DesiredCapacity: 3 });
    expect(await nodes()).toHaveLength(3);

    await eks.send(new DeleteNodegroupCommand({ clusterName: 'nodes', nodegroupName: 'workers' }));
    expect(await group()).toBeUndefined();
    expect(await nodes()).toHaveLength(0);
  });
});
