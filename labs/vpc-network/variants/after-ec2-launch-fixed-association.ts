// Another correct way, in an account that already did ec2-launch: a web-sg (with SSH from one
// address) exists in the default VPC. The private subnets were first associated with public-rt by
// mistake; the solution, finding them there, moves them with ReplaceRouteTableAssociation.
import {
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
const tag = (type: 'vpc' | 'subnet' | 'route-table', value: string) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: value }] }];
const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'ec2-launch web server' }));
await ec2.send(new AuthorizeSecurityGroupIngressCommand({
  GroupId,
  IpPermissions: [
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.10/32' }] },
  ],
}));

const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: tag('vpc', 'lab-vpc') }));
const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: Vpc!.VpcId, TagSpecifications: tag('route-table', 'public-rt') }));
for (const [name, cidr, zone] of [['private-a', '10.0.11.0/24', 'us-east-1a'], ['private-b', '10.0.12.0/24', 'us-east-1b']] as const) {
  const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId, CidrBlock: cidr, AvailabilityZone: zone, TagSpecifications: tag('subnet', name) }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: RouteTable!.RouteTableId, SubnetId: Subnet!.SubnetId }));
}
// The solution moves private-a and private-b to private-rt (ReplaceRouteTableAssociation).
await import('../solution.ts');
