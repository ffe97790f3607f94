// Another correct way: other /24s of the VPC and other zones (us-east-1c and us-east-1d, the private
// ones given by zone id), the route tables and security groups made before the subnets, every
// resource created untagged and named afterwards with CreateTags, the NAT gateway in public-b, and
// a polling loop instead of the SDK waiter.
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNatGatewaysCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
const name = (id: string, value: string) => ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: value }, { Key: 'project', Value: 'lab' }] }));

const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
const vpcId = Vpc!.VpcId!;
await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));

const { GroupId: web } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web', VpcId: vpcId }));
const { GroupId: app } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'app-sg', Description: 'app', VpcId: vpcId }));
await ec2.send(new AuthorizeSecurityGroupIngressCommand({
  GroupId: web,
  IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
}));
await ec2.send(new AuthorizeSecurityGroupIngressCommand({
  GroupId: app,
  IpPermissions: [
    { IpProtocol: '6', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: web }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'SSH from inside the VPC' }] },
  ],
}));

const { RouteTable: publicRt } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
const { RouteTable: privateRt } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));

const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-east-1c', 'us-east-1d'] }));
const zoneId = (zone: string) => AvailabilityZones!.find((z) => z.ZoneName === zone)!.ZoneId!;
const { Subnet: publicC } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.100.0/24', AvailabilityZone: 'us-east-1c' }));
const { Subnet: publicD } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.101.0/24', AvailabilityZone: 'us-east-1d' }));
const { Subnet: privateC } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.200.0/24', AvailabilityZoneId: zoneId('us-east-1c') }));
const { Subnet: privateD } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.201.0/24', AvailabilityZoneId: zoneId('us-east-1d') }));
for (const subnet of [publicC, publicD]) await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnet!.SubnetId, MapPublicIpOnLaunch: { Value: true } }));

const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({}));
await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: InternetGateway!.InternetGatewayId }));
await ec2.send(new CreateRouteCommand({ RouteTableId: publicRt!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGateway!.InternetGatewayId }));
await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRt!.RouteTableId, SubnetId: publicD!.SubnetId }));
await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRt!.RouteTableId, SubnetId: publicC!.SubnetId }));

const { AllocationId } = await ec2.send(new AllocateAddressCommand({}));
const { NatGateway } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: publicD!.SubnetId, AllocationId, ConnectivityType: 'public' }));
const natId = NatGateway!.NatGatewayId!;
for (let attempt = 0; ; attempt++) {
  const { NatGateways } = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [natId] }));
  if (NatGateways![0]!.State === 'available') break;
  if (attempt > 60) throw new Error(`NAT gateway ${natId} is still ${NatGateways![0]!.State}`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
await ec2.send(new CreateRouteCommand({ RouteTableId: privateRt!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natId }));
for (const subnet of [privateC, privateD]) await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRt!.RouteTableId, SubnetId: subnet!.SubnetId }));

await name(vpcId, 'lab-vpc');
await name(publicC!.SubnetId!, 'public-a');
await name(publicD!.SubnetId!, 'public-b');
await name(privateC!.SubnetId!, 'private-a');
await name(privateD!.SubnetId!, 'private-b');
await name(InternetGateway!.InternetGatewayId!, 'lab-igw');
await name(publicRt!.RouteTableId!, 'public-rt');
await name(privateRt!.RouteTableId!, 'private-rt');
await name(natId, 'lab-nat');
console.log('network built, then named');
