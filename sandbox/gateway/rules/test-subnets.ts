// Test helper: default-VPC subnets, one per availability zone, in zone order.
import type { EC2Client, DescribeSubnetsCommand as Describe } from '@aws-sdk/client-ec2';

export async function subnetsInZones(ec2: EC2Client, DescribeSubnetsCommand: typeof Describe): Promise<string[]> {
  const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
  return Subnets.sort((a, b) => (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? '')).map((subnet) => subnet.SubnetId!);
}
