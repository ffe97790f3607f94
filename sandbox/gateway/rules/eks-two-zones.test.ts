import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { EKSClient, CreateClusterCommand } from '@aws-sdk/client-eks';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { subnetsInZones } from './test-subnets.ts';

const account = freshAccount();
const eks = new EKSClient(clientConfig(account));

describe('EKS clusters need subnets in two availability zones', () => {
  it('refuses one zone with InvalidParameterException and accepts two', async () => {
    const subnets = await subnetsInZones(new EC2Client(clientConfig(account)), DescribeSubnetsCommand);
    const roleArn = `arn:aws:iam::${account}:role/eks-cluster-role`;
    const refused = await eks.send(new CreateClusterCommand({ name: 'one-zone', roleArn, resourcesVpcConfig: { subnetIds: [subnets[0]!] } })).catch((error: Error) => error);
    expect(refused).toMatchObject({ name: 'InvalidParameterException' });
    const { cluster } = await eks.send(new CreateClusterCommand({ name: 'two-zones', roleArn, resourcesVpcConfig: { subnetIds: subnets.slice(0, 2) } }));
    expect(cluster?.status).toBe('ACTIVE');
  });
});
