// EC2 look-ups that several labs' checks share. Browser-safe: SDK calls only.
import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  type Instance,
  type IpPermission,
  type SecurityGroup,
  type Tag,
  type Volume,
} from '@aws-sdk/client-ec2';
import type { LabContext } from '../lab.ts';

type Ec2Context = Pick<LabContext, 'ec2' | 'signal'>;

export function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((tag) => tag.Key === key)?.Value;
}

/** The account's default VPC id in the region, if it has one. */
export async function defaultVpcId(ctx: Ec2Context): Promise<string | undefined> {
  const { Vpcs } = await ctx.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }),
    { abortSignal: ctx.signal },
  );
  return Vpcs?.[0]?.VpcId;
}

/** Instances tagged Name=<name> that are not terminated (nor on their way there), oldest first. */
export async function instancesNamed(ctx: Ec2Context, name: string): Promise<Instance[]> {
  const instances: Instance[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ctx.ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:Name', Values: [name] },
          { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
        ],
        NextToken,
      }),
      { abortSignal: ctx.signal },
    );
    for (const reservation of page.Reservations ?? []) instances.push(...(reservation.Instances ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return instances.sort((a, b) => (a.LaunchTime?.getTime() ?? 0) - (b.LaunchTime?.getTime() ?? 0));
}

/** Security groups with this group name, in any VPC of the account. */
export async function securityGroupsNamed(ctx: Ec2Context, name: string): Promise<SecurityGroup[]> {
  const { SecurityGroups } = await ctx.ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }),
    { abortSignal: ctx.signal },
  );
  return SecurityGroups ?? [];
}

/** Volumes tagged Name=<name> (any state but deleted, which EC2 stops listing). */
export async function volumesNamed(ctx: Ec2Context, name: string): Promise<Volume[]> {
  const { Volumes } = await ctx.ec2.send(
    new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }] }),
    { abortSignal: ctx.signal },
  );
  return Volumes ?? [];
}

export const WORLD_V4 = '0.0.0.0/0';
export const WORLD_V6 = '::/0';

/** One inbound source of a rule, flattened: protocol, port range and where from. */
export interface InboundSource {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  /** A CIDR (IPv4 or IPv6), a prefix list id or a security group id. */
  source: string;
  kind: 'ipv4' | 'ipv6' | 'prefix-list' | 'group';
}

export function inboundSources(permissions: IpPermission[] | undefined): InboundSource[] {
  const sources: InboundSource[] = [];
  for (const p of permissions ?? []) {
    const base = { protocol: normaliseProtocol(p.IpProtocol), fromPort: p.FromPort, toPort: p.ToPort };
    for (const r of p.IpRanges ?? []) if (r.CidrIp) sources.push({ ...base, source: r.CidrIp, kind: 'ipv4' });
    for (const r of p.Ipv6Ranges ?? []) if (r.CidrIpv6) sources.push({ ...base, source: r.CidrIpv6, kind: 'ipv6' });
    for (const r of p.PrefixListIds ?? []) if (r.PrefixListId) sources.push({ ...base, source: r.PrefixListId, kind: 'prefix-list' });
    for (const r of p.UserIdGroupPairs ?? []) if (r.GroupId) sources.push({ ...base, source: r.GroupId, kind: 'group' });
  }
  return sources;
}

/** EC2 answers 'tcp' but accepts protocol numbers too; '-1' means every protocol. */
function normaliseProtocol(protocol: string | undefined): string {
  if (protocol === '6') return 'tcp';
  if (protocol === '17') return 'udp';
  return protocol ?? '-1';
}

/** Does this source let TCP traffic to `port` in? (An all-protocols rule does.) */
export function allowsTcpPort(source: InboundSource, port: number): boolean {
  if (source.protocol === '-1') return true;
  if (source.protocol !== 'tcp') return false;
  const from = source.fromPort ?? 0;
  const to = source.toPort ?? 65535;
  return (from === -1 && to === -1) || (from <= port && port <= to);
}

export function isWorld(source: InboundSource): boolean {
  return source.source === WORLD_V4 || source.source === WORLD_V6;
}

/** Human-readable form of a source for messages: "tcp 22 from 0.0.0.0/0". */
export function describeSource(source: InboundSource): string {
  const ports = source.protocol === '-1'
    ? 'all traffic'
    : `${source.protocol} ${source.fromPort === source.toPort ? source.fromPort : `${source.fromPort}-${source.toPort}`}`;
  return `${ports} from ${source.source}`;
}

/** Availability zone of each subnet (subnets that do not exist are left out). */
export async function subnetZones(ctx: Ec2Context, subnetIds: string[]): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  if (subnetIds.length === 0) return zones;
  // Ask with a filter, not SubnetIds: one unknown id would fail the whole call.
  const { Subnets } = await ctx.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: subnetIds }] }),
    { abortSignal: ctx.signal },
  );
  for (const subnet of Subnets ?? []) if (subnet.SubnetId && subnet.AvailabilityZone) zones.set(subnet.SubnetId, subnet.AvailabilityZone);
  return zones;
}
