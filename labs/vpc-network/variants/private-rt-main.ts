// Another correct way: private-rt replaces the VPC's main route table (ReplaceRouteTableAssociation
// on the main association), so the private subnets use it without an association of their own;
// the public subnets are explicitly associated with public-rt.
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
const [privateRt] = await tables({ Name: 'tag:Name', Values: ['private-rt'] });
await ec2.send(new ReplaceRouteTableAssociationCommand({
  AssociationId: main!.Associations!.find((a) => a.Main)!.RouteTableAssociationId,
  RouteTableId: privateRt!.RouteTableId,
}));
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['private-a', 'private-b'] }] }));
for (const subnet of Subnets!) {
  const [current] = await tables({ Name: 'association.subnet-id', Values: [subnet.SubnetId!] });
  const association = current!.Associations!.find((a) => a.SubnetId === subnet.SubnetId)!;
  await ec2.send(new DisassociateRouteTableCommand({ AssociationId: association.RouteTableAssociationId }));
}
console.log(`private-rt ${privateRt!.RouteTableId} is the main route table; the private subnets use it implicitly`);
