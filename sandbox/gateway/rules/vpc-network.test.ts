import { describe, expect, it } from 'vitest';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  ReplaceRouteTableAssociationCommand,
  waitUntilNatGatewayAvailable,
} from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';

const ec2 = new EC2Client(clientConfig(freshAccount()));
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

describe('building a VPC network follows AWS rules', () => {
  it('changes one VPC attribute a call', async () => {
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const both = await refusal(ec2.send(new ModifyVpcAttributeCommand({ VpcId: Vpc!.VpcId, EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } })));
    expect(both?.name).toBe('InvalidParameterCombination');
    expect(both?.message).toContain('separate calls');
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: Vpc!.VpcId, EnableDnsHostnames: { Value: true } }));
  });

  it('a subnet is /16 to /28, and one of a new VPC gives no public IP on launch, by zone name or by zone id', async () => {
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    const tiny = await refusal(ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId, CidrBlock: '10.1.200.0/29', AvailabilityZone: 'us-east-1a' })));
    expect(tiny?.name).toBe('InvalidSubnet.Range');
    const places = [{ AvailabilityZoneId: 'use1-az4' }, { AvailabilityZoneId: 'use1-az6' }, { AvailabilityZone: 'us-east-1c' }, {}];
    for (const [i, where] of places.entries()) {
      const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId, CidrBlock: `10.1.${i + 1}.0/24`, ...where }));
      expect([Subnet!.MapPublicIpOnLaunch, Subnet!.DefaultForAz], JSON.stringify(where)).toEqual([false, false]);
    }
  });

  it('one internet gateway a VPC, and a route only to a gateway attached to the table\'s VPC', async () => {
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
    const vpcId = Vpc!.VpcId!;
    const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
    const [first, second] = await Promise.all([1, 2].map(async () => (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!));
    const detached = await refusal(ec2.send(new CreateRouteCommand({ RouteTableId: RouteTable!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: first })));
    expect(detached?.name).toBe('InvalidParameterValue');
    expect(detached?.message).toContain('belong to different networks');
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: first, VpcId: vpcId }));
    const again = await refusal(ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: second, VpcId: vpcId })));
    expect(again?.name).toBe('Resource.AlreadyAssociated');
    expect(again?.message).toContain(first!);
    await ec2.send(new CreateRouteCommand({ RouteTableId: RouteTable!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: first }));
  });

  it('a subnet has one route table: a second association is refused, a replacement moves it', async () => {
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' }));
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId, CidrBlock: '10.3.1.0/24', AvailabilityZone: 'us-east-1a' }));
    const [one, two] = await Promise.all([1, 2].map(async () => (await ec2.send(new CreateRouteTableCommand({ VpcId: Vpc!.VpcId }))).RouteTable!.RouteTableId!));
    const { AssociationId } = await ec2.send(new AssociateRouteTableCommand({ RouteTableId: one, SubnetId: Subnet!.SubnetId }));
    const second = await refusal(ec2.send(new AssociateRouteTableCommand({ RouteTableId: two, SubnetId: Subnet!.SubnetId })));
    expect(second?.name).toBe('Resource.AlreadyAssociated');
    expect(second?.message).toContain('ReplaceRouteTableAssociation');
    await ec2.send(new ReplaceRouteTableAssociationCommand({ AssociationId, RouteTableId: two }));
    const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [Subnet!.SubnetId!] }] }));
    expect(RouteTables!.map((table) => table.RouteTableId)).toEqual([two]);
  });

  it('a NAT gateway starts pending, and a route to one must name one that exists in the VPC', async () => {
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.4.0.0/16' }));
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: Vpc!.VpcId, CidrBlock: '10.4.1.0/24', AvailabilityZone: 'us-east-1a' }));
    const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: Vpc!.VpcId }));
    const missing = await refusal(ec2.send(new CreateRouteCommand({ RouteTableId: RouteTable!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0' })));
    expect(missing?.name).toBe('InvalidNatGatewayID.NotFound');
    const { AllocationId } = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const { NatGateway } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: Subnet!.SubnetId, AllocationId }));
    expect(NatGateway!.State).toBe('pending');
    await waitUntilNatGatewayAvailable({ client: ec2, maxWaitTime: 30, minDelay: 1 }, { NatGatewayIds: [NatGateway!.NatGatewayId!] });
    const { NatGateways } = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [NatGateway!.NatGatewayId!] }));
    expect(NatGateways![0]!.State).toBe('available');
    await ec2.send(new CreateRouteCommand({ RouteTableId: RouteTable!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: NatGateway!.NatGatewayId }));
    const { Vpc: other } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.5.0.0/16' }));
    const { RouteTable: elsewhere } = await ec2.send(new CreateRouteTableCommand({ VpcId: other!.VpcId }));
    const crossed = await refusal(ec2.send(new CreateRouteCommand({ RouteTableId: elsewhere!.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: NatGateway!.NatGatewayId })));
    expect(crossed?.message).toContain('belong to different networks');
  });
});
