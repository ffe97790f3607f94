// Another correct way (if not the safest): public-rt is the VPC's main route table, so the public
// subnets use it implicitly; both private subnets are explicitly on private-rt, so no private
// subnet uses a table that reaches the internet gateway.
import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  ReplaceRouteTableAssociationCommand,
} from '@aws-sdk/client-ec2';

await import('../solution.ts');
const ec2 = new EC2Client({});
const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['lab-vpc'] }] }));
const vpcId = Vpcs![0]!.VpcId!;
const tables = async (filter: { Name: string; Values: string[] }) =>
  (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, filter] }))).RouteTables!;
const [main] = await tables({ Name: 'association.main', Values: ['true'] });
const [publicRt] = await tables({ Name: 'tag:Name', Values: ['public-rt'] });
await ec2.send(new ReplaceRouteTableAssociationCommand({
  AssociationId: main!.Associations!.find((a) => a.Main)!.RouteTableAssociationId,
  RouteTableId: publicRt!.RouteTableId,
}));
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['public-a', 'public-b'] }] }));
for (const subnet of Subnets!) {
  const association = publicRt!.Associations!.find((a) => a.SubnetId === subnet.SubnetId)!;
  await ec2.send(new DisassociateRouteTableCommand({ AssociationId: association.RouteTableAssociationId }));
}
console.log(`public-rt ${publicRt!.RouteTableId} is the main route table`);
