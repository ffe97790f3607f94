// VPC look-ups for networks a learner builds: resources by Name tag within one VPC, and which
// route table a subnet really uses. Browser-safe: SDK calls only.
import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  type InternetGateway,
  type NatGateway,
  type Route,
  type RouteTable,
  type Subnet,
  type Vpc,
} from '@aws-sdk/client-ec2';
import type { LabContext } from '../lab.ts';

type Ec2Context = Pick<LabContext, 'ec2' | 'signal'>;

const byName = (name: string) => ({ Name: 'tag:Name', Values: [name] });
const inVpc = (vpcId: string) => ({ Name: 'vpc-id', Values: [vpcId] });

/** VPCs tagged Name=<name>, the default VPC included (a learner may have tagged it). */
export async function vpcsNamed(ctx: Ec2Context, name: string): Promise<Vpc[]> {
  const { Vpcs } = await ctx.ec2.send(new DescribeVpcsCommand({ Filters: [byName(name)] }), { abortSignal: ctx.signal });
  return Vpcs ?? [];
}

/** enableDnsSupport and enableDnsHostnames of a VPC (two calls: EC2 answers one attribute a call). */
export async function vpcDns(ctx: Ec2Context, vpcId: string): Promise<{ support: boolean; hostnames: boolean }> {
  const [support, hostnames] = await Promise.all([
    ctx.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }), { abortSignal: ctx.signal }),
    ctx.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }), { abortSignal: ctx.signal }),
  ]);
  return { support: support.EnableDnsSupport?.Value === true, hostnames: hostnames.EnableDnsHostnames?.Value === true };
}

export async function subnetsOf(ctx: Ec2Context, vpcId: string): Promise<Subnet[]> {
  const { Subnets } = await ctx.ec2.send(new DescribeSubnetsCommand({ Filters: [inVpc(vpcId)] }), { abortSignal: ctx.signal });
  return Subnets ?? [];
}

export async function routeTablesOf(ctx: Ec2Context, vpcId: string): Promise<RouteTable[]> {
  const { RouteTables } = await ctx.ec2.send(new DescribeRouteTablesCommand({ Filters: [inVpc(vpcId)] }), { abortSignal: ctx.signal });
  return RouteTables ?? [];
}

/** Internet gateways tagged Name=<name>, attached or not. */
export async function internetGatewaysNamed(ctx: Ec2Context, name: string): Promise<InternetGateway[]> {
  const { InternetGateways } = await ctx.ec2.send(new DescribeInternetGatewaysCommand({ Filters: [byName(name)] }), { abortSignal: ctx.signal });
  return InternetGateways ?? [];
}

/** Internet gateways attached to a VPC (AWS allows one). */
export async function internetGatewaysOf(ctx: Ec2Context, vpcId: string): Promise<InternetGateway[]> {
  const { InternetGateways } = await ctx.ec2.send(
    new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }),
    { abortSignal: ctx.signal },
  );
  return InternetGateways ?? [];
}

/** NAT gateways of a VPC that are not deleted or on their way there. */
export async function natGatewaysOf(ctx: Ec2Context, vpcId: string): Promise<NatGateway[]> {
  const { NatGateways } = await ctx.ec2.send(new DescribeNatGatewaysCommand({ Filter: [inVpc(vpcId)] }), { abortSignal: ctx.signal });
  return (NatGateways ?? []).filter((nat) => !['deleting', 'deleted'].includes(nat.State ?? ''));
}

/** The route table a subnet uses: its explicit association, else the VPC's main route table. */
export function effectiveRouteTable(tables: RouteTable[], subnetId: string): { table?: RouteTable; implicit: boolean } {
  const explicit = tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId && a.AssociationState?.State !== 'disassociated'));
  if (explicit) return { table: explicit, implicit: false };
  return { table: tables.find((t) => t.Associations?.some((a) => a.Main)), implicit: true };
}

/** The table's route for a destination (IPv4 CIDR), if any. */
export function routeTo(table: RouteTable | undefined, destination: string): Route | undefined {
  return table?.Routes?.find((r) => r.DestinationCidrBlock === destination);
}

/** Routes that send traffic to an internet gateway (any destination, IPv4 or IPv6). */
export function internetGatewayRoutes(table: RouteTable | undefined): Route[] {
  return (table?.Routes ?? []).filter((r) => r.GatewayId?.startsWith('igw-'));
}

/** "0.0.0.0/0 → igw-…" for messages. */
export function describeRoute(route: Route): string {
  const target = route.GatewayId ?? route.NatGatewayId ?? route.TransitGatewayId ?? route.NetworkInterfaceId ?? route.InstanceId ?? route.VpcPeeringConnectionId ?? '?';
  return `${route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId} → ${target}`;
}

/** Parses an IPv4 CIDR into [first address as a number, prefix length]. */
export function parseCidr(cidr: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!match) return undefined;
  const [a, b, c, d, prefix] = match.slice(1).map(Number) as [number, number, number, number, number];
  return [((a << 24) >>> 0) + (b << 16) + (c << 8) + d, prefix];
}

/** Do two IPv4 CIDR blocks share an address? */
export function cidrsOverlap(first: string, second: string): boolean {
  const a = parseCidr(first);
  const b = parseCidr(second);
  if (!a || !b) return false;
  const size = (prefix: number) => 2 ** (32 - prefix);
  const [startA, startB] = [a[0] - (a[0] % size(a[1])), b[0] - (b[0] % size(b[1]))];
  return startA < startB + size(b[1]) && startB < startA + size(a[1]);
}
