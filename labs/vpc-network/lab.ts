// vpc-network: a VPC of one's own with public and private subnets in two zones, an internet
// gateway, a NAT gateway, route tables and two security groups (spec: /work/shared/labs.md).
import type { NatGateway, RouteTable, SecurityGroup, Subnet, Vpc } from '@aws-sdk/client-ec2';
import { defineLab, fail, joinTexts, pass, type Check, type CheckResult, type LabContext, type Text } from '../../grader/lab.ts';
import { allowsTcpPort, describeSource, inboundSources, isWorld, securityGroupsNamed, tagValue } from '../../grader/queries/ec2.ts';
import {
  cidrsOverlap,
  describeRoute,
  effectiveRouteTable,
  internetGatewayRoutes,
  internetGatewaysNamed,
  internetGatewaysOf,
  natGatewaysOf,
  parseCidr,
  routeTablesOf,
  routeTo,
  subnetsOf,
  vpcDns,
  vpcsNamed,
} from '../../grader/queries/vpc.ts';

const VPC = 'lab-vpc';
const CIDR = '10.0.0.0/16';
const IGW = 'lab-igw';
const NAT = 'lab-nat';
const PUBLIC_RT = 'public-rt';
const PRIVATE_RT = 'private-rt';
const PUBLIC = ['public-a', 'public-b'];
const PRIVATE = ['private-a', 'private-b'];
const WORLD = '0.0.0.0/0';

/** A finding and what to change about it. */
interface Problem { found: Text; hint: Text }

const failWith = (subject: Text, problems: Problem[], evidence: string[]): CheckResult => {
  const found = joinTexts(problems.map((p) => p.found));
  const hints = [...new Map(problems.map((p) => [p.hint.en, p.hint])).values()];
  return fail({ ko: `${subject.ko}: ${found.ko}.`, en: `${subject.en}: ${found.en}.` }, joinTexts(hints, ' '), evidence);
};

const nameOf = (tags: { Key?: string; Value?: string }[] | undefined, id: string | undefined) => tagValue(tags, 'Name') ?? id ?? '?';

/** The VPC the other checks judge: the one non-default VPC tagged lab-vpc, or why there is none. */
async function labVpc(ctx: LabContext): Promise<{ vpc: Vpc } | { result: CheckResult }> {
  const own = (await vpcsNamed(ctx, VPC)).filter((v) => !v.IsDefault);
  if (own.length === 1) return { vpc: own[0]! };
  const ids = own.map((v) => v.VpcId!);
  return {
    result: fail(
      own.length === 0
        ? { ko: `Name=${VPC} 태그가 붙은 (기본 VPC가 아닌) VPC가 없어 확인할 수 없습니다.`, en: `There is no (non-default) VPC tagged Name=${VPC} to look in.` }
        : { ko: `Name=${VPC} VPC가 ${ids.length}개라 어느 것을 볼지 정할 수 없습니다: ${ids.join(', ')}.`, en: `There are ${ids.length} VPCs tagged Name=${VPC}, so it is unclear which to look in: ${ids.join(', ')}.` },
      { ko: `먼저 첫 번째 검사(VPC ${VPC})를 통과하게 만드세요. 나머지 리소스는 모두 그 VPC 안에 있어야 합니다.`, en: `Make the first check (VPC ${VPC}) pass first: every other resource lives inside that VPC.` },
      ids,
    ),
  };
}

/** The lab's four subnets by name, inside lab-vpc. */
function subnetsByName(subnets: Subnet[]): Map<string, Subnet[]> {
  const named = new Map<string, Subnet[]>([...PUBLIC, ...PRIVATE].map((name) => [name, []]));
  for (const subnet of subnets) named.get(tagValue(subnet.Tags, 'Name') ?? '')?.push(subnet);
  return named;
}

const vpcCheck: Check = {
  id: 'vpc',
  title: { ko: `VPC ${VPC} (${CIDR}, DNS)`, en: `VPC ${VPC} (${CIDR}, DNS)` },
  points: 2,
  async run(ctx) {
    const vpcs = await vpcsNamed(ctx, VPC);
    const ids = vpcs.map((v) => v.VpcId!);
    if (vpcs.length === 0) {
      return fail(
        { ko: `Name=${VPC} 태그가 붙은 VPC가 없습니다.`, en: `There is no VPC tagged Name=${VPC}.` },
        {
          ko: `CreateVpc로 CIDR ${CIDR}인 VPC를 만들고 TagSpecifications로 Name=${VPC} 태그를 붙이세요. 기본 VPC는 모든 서브넷이 퍼블릭이라 이 실습에서는 쓰지 않습니다.`,
          en: `Create a VPC with CreateVpc, CIDR ${CIDR}, tagged Name=${VPC} (TagSpecifications). The default VPC is not used here: all its subnets are public.`,
        },
      );
    }
    const problems: Problem[] = [];
    if (vpcs.some((v) => v.IsDefault)) {
      problems.push({
        found: { ko: `기본 VPC(${vpcs.find((v) => v.IsDefault)!.VpcId})에 ${VPC} 태그가 붙어 있습니다`, en: `the default VPC (${vpcs.find((v) => v.IsDefault)!.VpcId}) is tagged ${VPC}` },
        hint: {
          ko: `기본 VPC는 계정마다 AWS가 만들어 두는 것으로, 서브넷이 모두 퍼블릭입니다. 기본 VPC의 Name 태그를 지우고(DeleteTags) CreateVpc로 새 VPC를 만드세요.`,
          en: `The default VPC is the one AWS makes in every account, and all its subnets are public. Remove its Name tag (DeleteTags) and create a VPC of your own with CreateVpc.`,
        },
      });
    }
    const own = vpcs.filter((v) => !v.IsDefault).map((v) => v.VpcId!);
    if (own.length > 1) {
      problems.push({
        found: { ko: `Name=${VPC} VPC가 ${own.length}개입니다(${own.join(', ')}). 하나여야 합니다`, en: `there are ${own.length} VPCs tagged Name=${VPC} (${own.join(', ')}); expected one` },
        hint: {
          ko: `CreateVpc는 실행할 때마다 새 VPC를 만듭니다. 하나만 남기고 지우세요(DeleteVpc, 안의 서브넷과 게이트웨이를 먼저). 스크립트는 DescribeVpcs(tag:Name 필터)로 먼저 찾아보게 하세요.`,
          en: `CreateVpc makes a new VPC every time it runs. Keep one and delete the others (DeleteVpc, after their subnets and gateways); make your script look first (DescribeVpcs with a tag:Name filter).`,
        },
      });
    }
    for (const vpc of vpcs.filter((v) => !v.IsDefault)) {
      if (vpc.CidrBlock !== CIDR) {
        problems.push({
          found: { ko: `${vpc.VpcId}의 CIDR이 ${vpc.CidrBlock}입니다(${CIDR}이어야 함)`, en: `${vpc.VpcId}'s CIDR is ${vpc.CidrBlock} (expected ${CIDR})` },
          hint: {
            ko: `VPC의 기본 CIDR은 만든 뒤에 바꿀 수 없습니다. ${CIDR}(주소 65,536개)로 새로 만드세요. /16은 VPC가 가질 수 있는 가장 큰 블록이라 서브넷을 나눌 여유가 큽니다.`,
            en: `A VPC's primary CIDR cannot be changed after creation: create it again with ${CIDR} (65,536 addresses). /16 is the largest block a VPC can have, which leaves room for many subnets.`,
          },
        });
      }
      const dns = await vpcDns(ctx, vpc.VpcId!);
      const off = [dns.support ? '' : 'enableDnsSupport', dns.hostnames ? '' : 'enableDnsHostnames'].filter(Boolean);
      if (off.length > 0) {
        problems.push({
          found: { ko: `${vpc.VpcId}에서 꺼진 DNS 속성: ${off.join(', ')}`, en: `${vpc.VpcId} has ${off.join(' and ')} off` },
          hint: {
            ko: `DNS 지원은 VPC 안에서 Amazon DNS 서버로 이름을 찾게 하고, DNS 호스트 이름은 퍼블릭 IP가 있는 인스턴스에 DNS 이름을 줍니다(새 VPC에서는 꺼져 있음). ModifyVpcAttribute를 속성 하나에 한 번씩, EnableDnsSupport 다음에 EnableDnsHostnames 순서로 부르세요.`,
            en: `DNS support lets the VPC resolve names through the Amazon DNS server; DNS hostnames gives instances with a public IP a DNS name (off in a new VPC). Call ModifyVpcAttribute once per attribute: EnableDnsSupport, then EnableDnsHostnames.`,
          },
        });
      }
    }
    if (problems.length > 0) return failWith({ ko: VPC, en: VPC }, problems, ids);
    return pass({ ko: `${VPC}(${ids[0]}): ${CIDR}, DNS 지원과 DNS 호스트 이름이 켜져 있습니다.`, en: `${VPC} (${ids[0]}): ${CIDR}, DNS support and DNS hostnames enabled.` }, ids);
  },
};

const subnetsCheck: Check = {
  id: 'subnets',
  title: { ko: '두 가용 영역의 퍼블릭·프라이빗 서브넷 네 개', en: 'Four public and private subnets in two zones' },
  points: 3,
  async run(ctx) {
    const found = await labVpc(ctx);
    if ('result' in found) return found.result;
    const vpcId = found.vpc.VpcId!;
    const named = subnetsByName(await subnetsOf(ctx, vpcId));
    const all = [...named.values()].flat();
    const ids = all.map((s) => s.SubnetId!);
    const problems: Problem[] = [];
    const missing = [...named].filter(([, list]) => list.length === 0).map(([name]) => name);
    if (missing.length > 0) {
      problems.push({
        found: { ko: `${VPC}에 없는 서브넷: ${missing.join(', ')}`, en: `missing in ${VPC}: ${missing.join(', ')}` },
        hint: {
          ko: `CreateSubnet에 VpcId(${VPC}), /24 CidrBlock, AvailabilityZone을 주고 Name 태그를 붙이세요. 서브넷은 가용 영역 하나에만 있습니다.`,
          en: `Create each with CreateSubnet: VpcId (${VPC}), a /24 CidrBlock, an AvailabilityZone, and its Name tag. A subnet lives in exactly one Availability Zone.`,
        },
      });
    }
    const duplicated = [...named].filter(([, list]) => list.length > 1);
    for (const [name, list] of duplicated) {
      problems.push({
        found: { ko: `${name}이(가) ${list.length}개입니다(${list.map((s) => s.SubnetId).join(', ')})`, en: `${name} exists ${list.length} times (${list.map((s) => s.SubnetId).join(', ')})` },
        hint: {
          ko: `CreateSubnet은 실행할 때마다 새 서브넷을 만듭니다. 남는 것은 DeleteSubnet으로 지우고, 스크립트는 DescribeSubnets(tag:Name 필터)로 먼저 찾아보게 하세요.`,
          en: `CreateSubnet makes a new subnet every time it runs: delete the extra ones (DeleteSubnet) and make your script look first (DescribeSubnets with a tag:Name filter).`,
        },
      });
    }
    const notSlash24 = all.filter((s) => parseCidr(s.CidrBlock ?? '')?.[1] !== 24);
    if (notSlash24.length > 0) {
      const list = notSlash24.map((s) => `${nameOf(s.Tags, s.SubnetId)} ${s.CidrBlock}`).join(', ');
      problems.push({
        found: { ko: `/24가 아닌 서브넷: ${list}`, en: `not a /24: ${list}` },
        hint: {
          ko: `/24는 주소 256개(AWS가 5개를 예약해 251개 사용 가능)입니다. 서브넷 하나가 VPC 전체(/16)를 차지하면 다른 서브넷을 만들 자리가 없습니다. 서브넷의 CIDR은 바꿀 수 없으니 10.0.1.0/24처럼 /24로 다시 만드세요.`,
          en: `A /24 is 256 addresses (251 usable: AWS reserves five). A subnet as large as the VPC (/16) leaves no room for any other. A subnet's CIDR cannot change: create it again as a /24 such as 10.0.1.0/24.`,
        },
      });
    }
    const overlapping: string[] = [];
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => {
      if (cidrsOverlap(a.CidrBlock ?? '', b.CidrBlock ?? '')) overlapping.push(`${nameOf(a.Tags, a.SubnetId)} ${a.CidrBlock} / ${nameOf(b.Tags, b.SubnetId)} ${b.CidrBlock}`);
    }));
    if (overlapping.length > 0) {
      problems.push({
        found: { ko: `겹치는 서브넷: ${overlapping.join('; ')}`, en: `overlapping: ${overlapping.join('; ')}` },
        hint: { ko: '서브넷마다 VPC 안의 서로 다른 /24를 주세요(예: 10.0.1.0/24, 10.0.2.0/24, 10.0.11.0/24, 10.0.12.0/24).', en: 'Give each subnet its own /24 of the VPC (for example 10.0.1.0/24, 10.0.2.0/24, 10.0.11.0/24, 10.0.12.0/24).' },
      });
    }
    if (missing.length === 0) {
      const zones = new Map<string, { public: string[]; private: string[] }>();
      for (const [name, list] of named) {
        for (const subnet of list) {
          const zone = zones.get(subnet.AvailabilityZone ?? '?') ?? { public: [], private: [] };
          (PUBLIC.includes(name) ? zone.public : zone.private).push(name);
          zones.set(subnet.AvailabilityZone ?? '?', zone);
        }
      }
      const layout = [...zones].sort().map(([zone, z]) => `${zone}: ${[...z.public, ...z.private].join(', ')}`).join('; ');
      const balanced = zones.size === 2 && [...zones.values()].every((z) => z.public.length === 1 && z.private.length === 1);
      if (!balanced) {
        problems.push({
          found: { ko: `가용 영역 배치가 ${layout}입니다(두 영역에 퍼블릭 하나, 프라이빗 하나씩이어야 함)`, en: `the zones hold ${layout} (expected two zones, each with one public and one private subnet)` },
          hint: {
            ko: '가용 영역은 서로 떨어진 데이터 센터 묶음입니다. 한 영역이 멈춰도 다른 영역의 퍼블릭·프라이빗 서브넷이 일을 계속하도록, 예를 들어 public-a와 private-a는 us-east-1a에, public-b와 private-b는 us-east-1b에 두세요. Application Load Balancer도 서로 다른 두 영역의 서브넷을 요구합니다. 서브넷의 가용 영역은 바꿀 수 없으니 다시 만드세요.',
            en: 'Availability Zones are separate groups of data centres. Put one public and one private subnet in each of two zones (for example public-a and private-a in us-east-1a, public-b and private-b in us-east-1b) so the other zone carries on when one fails; an Application Load Balancer needs subnets in two zones too. A subnet cannot move: create it again in the right zone.',
          },
        });
      }
    }
    const wrongPublic = PUBLIC.flatMap((name) => named.get(name)!.filter((s) => s.MapPublicIpOnLaunch !== true).map(() => name));
    const wrongPrivate = PRIVATE.flatMap((name) => named.get(name)!.filter((s) => s.MapPublicIpOnLaunch === true).map(() => name));
    if (wrongPublic.length > 0) {
      problems.push({
        found: { ko: `시작 시 퍼블릭 IPv4 주소를 주지 않는 퍼블릭 서브넷: ${wrongPublic.join(', ')}`, en: `public subnets that give no public IPv4 address on launch: ${wrongPublic.join(', ')}` },
        hint: {
          ko: '새 VPC의 서브넷은 인스턴스에 퍼블릭 IP를 주지 않습니다. 퍼블릭 서브넷의 인스턴스가 인터넷과 직접 통신하려면 퍼블릭 IP가 필요하니 ModifySubnetAttribute로 MapPublicIpOnLaunch를 켜세요.',
          en: 'Subnets of a new VPC give instances no public IP. An instance in a public subnet needs one to talk to the internet directly: turn on MapPublicIpOnLaunch with ModifySubnetAttribute.',
        },
      });
    }
    if (wrongPrivate.length > 0) {
      problems.push({
        found: { ko: `시작 시 퍼블릭 IPv4 주소를 주는 프라이빗 서브넷: ${wrongPrivate.join(', ')}`, en: `private subnets that give instances a public IPv4 address on launch: ${wrongPrivate.join(', ')}` },
        hint: {
          ko: '프라이빗 서브넷의 인스턴스는 인터넷에서 직접 닿지 않아야 하고, 퍼블릭 IPv4 주소는 시간당 요금도 붙습니다. ModifySubnetAttribute로 MapPublicIpOnLaunch를 끄세요(Value: false).',
          en: 'Instances in a private subnet must not be reachable from the internet, and public IPv4 addresses are billed by the hour. Turn MapPublicIpOnLaunch off with ModifySubnetAttribute (Value: false).',
        },
      });
    }
    if (problems.length > 0) return failWith({ ko: '서브넷', en: 'Subnets' }, problems, ids);
    const summary = [...named].map(([name, [s]]) => `${name} ${s!.CidrBlock} ${s!.AvailabilityZone}`).join(', ');
    return pass({ ko: `서브넷 네 개: ${summary}.`, en: `Four subnets: ${summary}.` }, ids);
  },
};

const internetGatewayCheck: Check = {
  id: 'internet-gateway',
  title: { ko: `인터넷 게이트웨이 ${IGW}`, en: `Internet gateway ${IGW}` },
  points: 1,
  async run(ctx) {
    const found = await labVpc(ctx);
    if ('result' in found) return found.result;
    const vpcId = found.vpc.VpcId!;
    const gateways = await internetGatewaysNamed(ctx, IGW);
    const ids = gateways.map((g) => g.InternetGatewayId!);
    const attachedHere = (g: (typeof gateways)[number]) => g.Attachments?.some((a) => a.VpcId === vpcId && ['attached', 'available'].includes(a.State ?? ''));
    if (gateways.length === 0) {
      return fail(
        { ko: `Name=${IGW} 태그가 붙은 인터넷 게이트웨이가 없습니다.`, en: `There is no internet gateway tagged Name=${IGW}.` },
        {
          ko: `인터넷 게이트웨이는 VPC와 인터넷 사이의 문입니다. CreateInternetGateway로 만들고(Name=${IGW} 태그) AttachInternetGateway로 ${VPC}에 연결하세요.`,
          en: `An internet gateway is the VPC's door to the internet. Create one with CreateInternetGateway (tag Name=${IGW}) and attach it to ${VPC} with AttachInternetGateway.`,
        },
      );
    }
    const where = gateways.map((g) => `${g.InternetGatewayId} (${g.Attachments?.map((a) => `${a.VpcId} ${a.State}`).join(', ') || 'detached'})`).join(', ');
    if (gateways.length > 1) {
      return fail(
        { ko: `Name=${IGW} 인터넷 게이트웨이가 ${gateways.length}개입니다: ${where}. 하나여야 합니다.`, en: `There are ${gateways.length} internet gateways tagged Name=${IGW}: ${where}; expected one.` },
        {
          ko: `VPC에는 인터넷 게이트웨이를 하나만 연결할 수 있어서, 두 번째로 만든 것은 어디에도 쓰이지 않습니다. 연결되지 않은 것을 DeleteInternetGateway로 지우고, 스크립트는 DescribeInternetGateways(tag:Name 필터)로 먼저 찾아보게 하세요.`,
          en: `A VPC can have only one internet gateway attached, so a second one serves nothing. Delete the one that is not attached (DeleteInternetGateway) and make your script look first (DescribeInternetGateways with a tag:Name filter).`,
        },
        ids,
      );
    }
    if (!attachedHere(gateways[0]!)) {
      return fail(
        { ko: `${IGW}(${where})가 ${VPC}(${vpcId})에 연결되어 있지 않습니다.`, en: `${IGW} (${where}) is not attached to ${VPC} (${vpcId}).` },
        {
          ko: `인터넷 게이트웨이는 만든 것만으로는 아무 일도 하지 않습니다. AttachInternetGateway로 ${VPC}에 연결하세요(다른 VPC에 붙어 있다면 먼저 DetachInternetGateway).`,
          en: `An internet gateway does nothing until it is attached. Attach it to ${VPC} with AttachInternetGateway (detach it from another VPC first with DetachInternetGateway).`,
        },
        ids,
      );
    }
    return pass({ ko: `${IGW}(${ids[0]})가 ${VPC}에 연결되어 있습니다.`, en: `${IGW} (${ids[0]}) is attached to ${VPC}.` }, ids);
  },
};

/** Route tables named <name> in the VPC: exactly one, or the failure. */
function oneTable(tables: RouteTable[], name: string): RouteTable | CheckResult {
  const named = tables.filter((t) => tagValue(t.Tags, 'Name') === name);
  if (named.length === 1) return named[0]!;
  const ids = named.map((t) => t.RouteTableId!);
  return fail(
    named.length === 0
      ? { ko: `${VPC}에 Name=${name} 라우팅 테이블이 없습니다.`, en: `There is no route table tagged Name=${name} in ${VPC}.` }
      : { ko: `${VPC}에 Name=${name} 라우팅 테이블이 ${ids.length}개입니다: ${ids.join(', ')}. 하나여야 합니다.`, en: `There are ${ids.length} route tables tagged Name=${name} in ${VPC}: ${ids.join(', ')}; expected one.` },
    named.length === 0
      ? { ko: `CreateRouteTable(VpcId: ${VPC})로 만들고 Name=${name} 태그를 붙이세요.`, en: `Create it with CreateRouteTable (VpcId: ${VPC}) and tag it Name=${name}.` }
      : { ko: `남는 것은 연결을 끊고(DisassociateRouteTable) DeleteRouteTable로 지우세요. 스크립트는 DescribeRouteTables(tag:Name 필터)로 먼저 찾아보게 하세요.`, en: `Disassociate the extra ones (DisassociateRouteTable) and delete them (DeleteRouteTable); make your script look first (DescribeRouteTables with a tag:Name filter).` },
    ids,
  );
}

/** Where each of these subnets (by name) sends its traffic, for messages: "public-b → rtb-… (main)". */
function tablesUsedBy(tables: RouteTable[], subnets: Map<string, Subnet[]>, names: string[]) {
  return names.flatMap((name) => (subnets.get(name) ?? []).map((subnet) => ({ name, subnet, ...effectiveRouteTable(tables, subnet.SubnetId!) })));
}

const describeUse = (use: { name: string; table?: RouteTable; implicit: boolean }) =>
  `${use.name} → ${use.table ? nameOf(use.table.Tags, use.table.RouteTableId) : '-'}${use.implicit ? ' (main)' : ''}`;

const publicRouteTableCheck: Check = {
  id: 'public-route-table',
  title: { ko: `라우팅 테이블 ${PUBLIC_RT}`, en: `Route table ${PUBLIC_RT}` },
  points: 2,
  async run(ctx) {
    const found = await labVpc(ctx);
    if ('result' in found) return found.result;
    const vpcId = found.vpc.VpcId!;
    const [tables, subnets, gateways] = await Promise.all([routeTablesOf(ctx, vpcId), subnetsOf(ctx, vpcId), internetGatewaysOf(ctx, vpcId)]);
    const table = oneTable(tables, PUBLIC_RT);
    if ('status' in table) return table;
    const evidence = [table.RouteTableId!];
    const problems: Problem[] = [];
    const route = routeTo(table, WORLD);
    const igwIds = gateways.map((g) => g.InternetGatewayId!);
    if (!route || !igwIds.includes(route.GatewayId ?? '') || route.State === 'blackhole') {
      problems.push({
        found: route
          ? { ko: `${WORLD} 경로가 ${describeRoute(route)}(${route.State})입니다(${VPC}에 연결된 ${IGW}여야 함)`, en: `its ${WORLD} route is ${describeRoute(route)} (${route.State}); expected ${IGW}, attached to ${VPC}` }
          : { ko: `${WORLD} 경로가 없습니다`, en: `it has no ${WORLD} route` },
        hint: {
          ko: `서브넷을 퍼블릭으로 만드는 것은 이름이 아니라 라우팅 테이블입니다. 인터넷(${WORLD})으로 가는 트래픽을 인터넷 게이트웨이로 보내는 경로가 있어야 합니다: CreateRoute(DestinationCidrBlock '${WORLD}', GatewayId ${IGW}). 이미 다른 대상으로 있다면 ReplaceRoute를 쓰세요.`,
          en: `What makes a subnet public is its route table, not its name: traffic for the internet (${WORLD}) must go to the internet gateway. CreateRoute with DestinationCidrBlock '${WORLD}' and GatewayId ${IGW}; ReplaceRoute if the route already points elsewhere.`,
        },
      });
    }
    const uses = tablesUsedBy(tables, subnetsByName(subnets), PUBLIC);
    const elsewhere = uses.filter((u) => u.table?.RouteTableId !== table.RouteTableId);
    const absent = PUBLIC.filter((name) => !uses.some((u) => u.name === name));
    if (elsewhere.length > 0 || absent.length > 0) {
      const list = [...elsewhere.map(describeUse), ...absent.map((name) => `${name}: -`)].join(', ');
      problems.push({
        found: { ko: `${PUBLIC_RT}를 쓰지 않는 퍼블릭 서브넷: ${list}`, en: `public subnets that do not use ${PUBLIC_RT}: ${list}` },
        hint: {
          ko: `서브넷은 명시적으로 연결한 라우팅 테이블을, 없으면 VPC의 기본(main) 라우팅 테이블을 씁니다. AssociateRouteTable로 public-a와 public-b를 ${PUBLIC_RT}에 연결하세요(이미 다른 테이블에 연결되어 있다면 ReplaceRouteTableAssociation).`,
          en: `A subnet uses the route table it is explicitly associated with, or else the VPC's main route table. Associate public-a and public-b with ${PUBLIC_RT} (AssociateRouteTable; ReplaceRouteTableAssociation if one is associated with another table).`,
        },
      });
    }
    if (problems.length > 0) return failWith({ ko: PUBLIC_RT, en: PUBLIC_RT }, problems, evidence);
    return pass({ ko: `${PUBLIC_RT}: ${describeRoute(route!)}, ${PUBLIC.join('·')}가 사용합니다.`, en: `${PUBLIC_RT}: ${describeRoute(route!)}, used by ${PUBLIC.join(' and ')}.` }, evidence);
  },
};

const natGatewayCheck: Check = {
  id: 'nat-gateway',
  title: { ko: `NAT 게이트웨이 ${NAT}`, en: `NAT gateway ${NAT}` },
  points: 2,
  async run(ctx) {
    const found = await labVpc(ctx);
    if ('result' in found) return found.result;
    const vpcId = found.vpc.VpcId!;
    const [all, subnets] = await Promise.all([natGatewaysOf(ctx, vpcId), subnetsOf(ctx, vpcId)]);
    const nats = all.filter((n) => tagValue(n.Tags, 'Name') === NAT);
    const ids = nats.map((n) => n.NatGatewayId!);
    if (nats.length === 0) {
      const others = all.map((n) => n.NatGatewayId).join(', ');
      return fail(
        { ko: `${VPC}에 Name=${NAT} NAT 게이트웨이가 없습니다${others ? ` (이름 없는 것: ${others})` : ''}.`, en: `There is no NAT gateway tagged Name=${NAT} in ${VPC}${others ? ` (found: ${others})` : ''}.` },
        {
          ko: `NAT 게이트웨이는 프라이빗 서브넷의 인스턴스가 밖으로 나가는 연결(업데이트, 이미지 받기)만 할 수 있게 해 줍니다. AllocateAddress(Domain 'vpc')로 탄력적 IP 주소를 받고, CreateNatGateway(SubnetId: 퍼블릭 서브넷, AllocationId)로 만들고 Name=${NAT} 태그를 붙이세요.`,
          en: `A NAT gateway lets instances in private subnets open connections out (updates, image pulls) while nothing can connect in. Allocate an Elastic IP with AllocateAddress (Domain 'vpc'), then CreateNatGateway with a public SubnetId and the AllocationId, tagged Name=${NAT}.`,
        },
      );
    }
    if (nats.length > 1) {
      return fail(
        { ko: `${VPC}에 Name=${NAT} NAT 게이트웨이가 ${nats.length}개입니다: ${ids.join(', ')}. 하나여야 합니다.`, en: `There are ${nats.length} NAT gateways tagged Name=${NAT} in ${VPC}: ${ids.join(', ')}; expected one.` },
        {
          ko: `NAT 게이트웨이는 시간당 요금과 처리한 데이터 요금이 붙습니다. 남는 것은 DeleteNatGateway로 지우고(탄력적 IP 주소는 ReleaseAddress로 반납), 스크립트는 DescribeNatGateways(tag:Name 필터)로 먼저 찾아보게 하세요.`,
          en: `A NAT gateway is billed by the hour and per GB it processes. Delete the extra one (DeleteNatGateway, then ReleaseAddress for its Elastic IP) and make your script look first (DescribeNatGateways with a tag:Name filter).`,
        },
        ids,
      );
    }
    const nat: NatGateway = nats[0]!;
    const problems: Problem[] = [];
    const subnet = subnets.find((s) => s.SubnetId === nat.SubnetId);
    const subnetName = tagValue(subnet?.Tags, 'Name');
    if (!subnetName || !PUBLIC.includes(subnetName)) {
      problems.push({
        found: { ko: `${subnetName ?? nat.SubnetId} 서브넷에 있습니다(public-a나 public-b여야 함)`, en: `it is in ${subnetName ?? nat.SubnetId} (expected public-a or public-b)` },
        hint: {
          ko: 'NAT 게이트웨이는 자신의 트래픽을 인터넷 게이트웨이로 내보내야 하므로, 인터넷 게이트웨이로 가는 경로가 있는 퍼블릭 서브넷에 있어야 합니다. 프라이빗 서브넷에 두면 나갈 길이 없습니다. NAT 게이트웨이는 옮길 수 없으니 퍼블릭 서브넷에 새로 만들고 private-rt의 경로를 바꾼 뒤(ReplaceRoute) 이전 것을 지우세요.',
          en: 'A NAT gateway sends its traffic on to the internet gateway, so it must sit in a public subnet, one whose route table reaches the internet gateway; in a private subnet it has no way out. It cannot be moved: create a new one in a public subnet, point private-rt at it (ReplaceRoute), then delete the old one.',
        },
      });
    }
    const eip = nat.NatGatewayAddresses?.find((a) => a.AllocationId && a.PublicIp);
    if (nat.ConnectivityType === 'private' || !eip) {
      problems.push({
        found: { ko: `탄력적 IP 주소가 없습니다(연결 유형 ${nat.ConnectivityType ?? 'public'})`, en: `it has no Elastic IP address (connectivity type ${nat.ConnectivityType ?? 'public'})` },
        hint: {
          ko: '인터넷으로 나가는 NAT 게이트웨이는 퍼블릭 연결 유형이어야 하고, 탄력적 IP 주소가 그 출구 주소가 됩니다. private 연결 유형은 다른 VPC나 온프레미스로만 나갑니다. AllocateAddress로 주소를 받아 CreateNatGateway의 AllocationId로 주고 새로 만드세요.',
          en: 'A NAT gateway to the internet must have the public connectivity type, and its Elastic IP address is the address the traffic leaves with; a private NAT gateway only reaches other VPCs or on-premises networks. Allocate an address (AllocateAddress) and create the NAT gateway again with it as AllocationId.',
        },
      });
    }
    if (nat.State !== 'available') {
      problems.push({
        found: { ko: `상태가 ${nat.State}입니다(available이어야 함)${nat.FailureMessage ? `: ${nat.FailureMessage}` : ''}`, en: `its state is ${nat.State} (expected available)${nat.FailureMessage ? `: ${nat.FailureMessage}` : ''}` },
        hint: {
          ko: '새 NAT 게이트웨이는 pending 상태로 시작해 잠시 뒤 available이 됩니다. 스크립트에서 waitUntilNatGatewayAvailable로 기다리세요. failed라면 실패 메시지를 보고 지운 뒤 다시 만드세요.',
          en: 'A new NAT gateway starts pending and becomes available after a while: wait for it in your script with waitUntilNatGatewayAvailable. If it failed, read its failure message, delete it and create it again.',
        },
      });
    }
    if (problems.length > 0) return failWith({ ko: NAT, en: NAT }, problems, ids);
    return pass({ ko: `${NAT}(${ids[0]}): ${subnetName}에 있고 탄력적 IP ${eip!.PublicIp}, available.`, en: `${NAT} (${ids[0]}): in ${subnetName}, Elastic IP ${eip!.PublicIp}, available.` }, ids);
  },
};

const privateRouteTableCheck: Check = {
  id: 'private-route-table',
  title: { ko: `라우팅 테이블 ${PRIVATE_RT}`, en: `Route table ${PRIVATE_RT}` },
  points: 3,
  async run(ctx) {
    const found = await labVpc(ctx);
    if ('result' in found) return found.result;
    const vpcId = found.vpc.VpcId!;
    const [tables, subnets, nats] = await Promise.all([routeTablesOf(ctx, vpcId), subnetsOf(ctx, vpcId), natGatewaysOf(ctx, vpcId)]);
    const table = oneTable(tables, PRIVATE_RT);
    if ('status' in table) return table;
    const evidence = [table.RouteTableId!];
    const problems: Problem[] = [];
    // The NAT gateway named lab-nat (if none is named, any of the VPC's: its name is the NAT check's concern).
    const named = nats.filter((n) => tagValue(n.Tags, 'Name') === NAT);
    const natIds = (named.length > 0 ? named : nats).map((n) => n.NatGatewayId!);
    const route = routeTo(table, WORLD);
    if (!route || !natIds.includes(route.NatGatewayId ?? '') || route.State === 'blackhole') {
      problems.push({
        found: route
          ? { ko: `${WORLD} 경로가 ${describeRoute(route)}입니다(${NAT}여야 함)`, en: `its ${WORLD} route is ${describeRoute(route)} (expected ${NAT})` }
          : { ko: `${WORLD} 경로가 없습니다`, en: `it has no ${WORLD} route` },
        hint: {
          ko: `프라이빗 서브넷의 인스턴스는 퍼블릭 IP가 없어 인터넷 게이트웨이를 직접 쓸 수 없습니다. 밖으로 나가는 트래픽(${WORLD})은 NAT 게이트웨이로 보내세요: CreateRoute(DestinationCidrBlock '${WORLD}', NatGatewayId ${NAT}), 이미 있다면 ReplaceRoute.`,
          en: `Instances in a private subnet have no public IP, so they cannot use the internet gateway directly. Send their outbound traffic (${WORLD}) to the NAT gateway: CreateRoute with DestinationCidrBlock '${WORLD}' and NatGatewayId ${NAT}, or ReplaceRoute if the route exists.`,
        },
      });
    }
    const toIgw = internetGatewayRoutes(table);
    if (toIgw.length > 0) {
      problems.push({
        found: { ko: `인터넷 게이트웨이로 가는 경로가 있습니다: ${toIgw.map(describeRoute).join(', ')}`, en: `it routes to an internet gateway: ${toIgw.map(describeRoute).join(', ')}` },
        hint: {
          ko: '인터넷 게이트웨이로 가는 경로가 있는 서브넷은 더 이상 프라이빗이 아닙니다. 인터넷에서 들어오는 길이 열립니다. DeleteRoute로 그 경로를 지우세요.',
          en: 'A subnet whose route table reaches an internet gateway is no longer private: it opens a way in from the internet. Remove that route with DeleteRoute.',
        },
      });
    }
    const uses = tablesUsedBy(tables, subnetsByName(subnets), PRIVATE);
    const elsewhere = uses.filter((u) => u.table?.RouteTableId !== table.RouteTableId);
    const absent = PRIVATE.filter((name) => !uses.some((u) => u.name === name));
    if (elsewhere.length > 0 || absent.length > 0) {
      const list = [...elsewhere.map(describeUse), ...absent.map((name) => `${name}: -`)].join(', ');
      problems.push({
        found: { ko: `${PRIVATE_RT}를 쓰지 않는 프라이빗 서브넷: ${list}`, en: `private subnets that do not use ${PRIVATE_RT}: ${list}` },
        hint: {
          ko: `AssociateRouteTable로 private-a와 private-b를 ${PRIVATE_RT}에 연결하세요. 서브넷에는 라우팅 테이블이 하나뿐이라, 이미 다른 테이블에 연결되어 있다면 ReplaceRouteTableAssociation으로 바꿉니다. 연결하지 않은 서브넷은 기본(main) 라우팅 테이블을 씁니다.`,
          en: `Associate private-a and private-b with ${PRIVATE_RT} (AssociateRouteTable). A subnet has one route table: if it is associated with another, switch it with ReplaceRouteTableAssociation. A subnet with no association uses the main route table.`,
        },
      });
    }
    const exposed = uses.filter((u) => u.table?.RouteTableId !== table.RouteTableId && internetGatewayRoutes(u.table).length > 0);
    if (exposed.length > 0) {
      problems.push({
        found: {
          ko: `인터넷 게이트웨이로 가는 라우팅 테이블을 쓰는 프라이빗 서브넷: ${exposed.map((u) => `${describeUse(u)} (${internetGatewayRoutes(u.table).map(describeRoute).join(', ')})`).join(', ')}`,
          en: `private subnets on a route table that reaches the internet gateway: ${exposed.map((u) => `${describeUse(u)} (${internetGatewayRoutes(u.table).map(describeRoute).join(', ')})`).join(', ')}`,
        },
        hint: {
          ko: '라우팅 테이블에 명시적으로 연결하지 않은 서브넷은 VPC의 기본(main) 라우팅 테이블을 씁니다. 기본 테이블이 인터넷 게이트웨이로 가면 그 서브넷은 사실상 퍼블릭입니다. 프라이빗 서브넷을 private-rt에 명시적으로 연결하세요.',
          en: 'A subnet that is not explicitly associated with a route table uses the VPC\'s main route table; if that table reaches the internet gateway, the subnet is public in all but name. Associate the private subnets with private-rt explicitly.',
        },
      });
    }
    if (problems.length > 0) return failWith({ ko: PRIVATE_RT, en: PRIVATE_RT }, problems, evidence);
    return pass({ ko: `${PRIVATE_RT}: ${describeRoute(route!)}, ${PRIVATE.join('·')}가 사용하고 인터넷 게이트웨이로 가는 경로는 없습니다.`, en: `${PRIVATE_RT}: ${describeRoute(route!)}, used by ${PRIVATE.join(' and ')}, no route to the internet gateway.` }, evidence);
  },
};

const securityGroupsCheck: Check = {
  id: 'security-groups',
  title: { ko: '보안 그룹 web-sg와 app-sg', en: 'Security groups web-sg and app-sg' },
  points: 3,
  async run(ctx) {
    const found = await labVpc(ctx);
    if ('result' in found) return found.result;
    const vpcId = found.vpc.VpcId!;
    const [webAll, appAll] = await Promise.all([securityGroupsNamed(ctx, 'web-sg'), securityGroupsNamed(ctx, 'app-sg')]);
    const web: SecurityGroup | undefined = webAll.find((g) => g.VpcId === vpcId);
    const app: SecurityGroup | undefined = appAll.find((g) => g.VpcId === vpcId);
    const evidence = [web?.GroupId, app?.GroupId].filter((id): id is string => !!id);
    const problems: Problem[] = [];
    for (const [name, group, all] of [['web-sg', web, webAll], ['app-sg', app, appAll]] as const) {
      if (group) continue;
      const elsewhere = all.map((g) => `${g.GroupId} in ${g.VpcId}`).join(', ');
      problems.push({
        found: { ko: `${VPC}에 ${name}이(가) 없습니다${elsewhere ? ` (다른 VPC에 있음: ${elsewhere})` : ''}`, en: `there is no ${name} in ${VPC}${elsewhere ? ` (found in other VPCs: ${elsewhere})` : ''}` },
        hint: {
          ko: `보안 그룹은 VPC 하나에 속하고 그 VPC의 인스턴스에만 붙일 수 있습니다. VpcId를 빼면 기본 VPC에 만들어집니다. CreateSecurityGroup에 VpcId: ${VPC}의 id를 주세요.`,
          en: `A security group belongs to one VPC and only that VPC's instances can use it; without VpcId it lands in the default VPC. Pass ${VPC}'s id as VpcId to CreateSecurityGroup.`,
        },
      });
    }
    if (web && !inboundSources(web.IpPermissions).some((s) => s.source === WORLD && allowsTcpPort(s, 80))) {
      problems.push({
        found: { ko: `web-sg에 ${WORLD}에서 들어오는 TCP 80 규칙이 없습니다`, en: `web-sg has no inbound rule for TCP 80 from ${WORLD}` },
        hint: { ko: `웹 계층은 누구에게나 열려야 합니다: AuthorizeSecurityGroupIngress로 web-sg에 TCP 80을 ${WORLD}에서 허용하세요.`, en: `The web tier must be open to everyone: allow TCP 80 from ${WORLD} on web-sg with AuthorizeSecurityGroupIngress.` },
      });
    }
    if (app) {
      const to8080 = inboundSources(app.IpPermissions).filter((s) => allowsTcpPort(s, 8080));
      const fromWeb = to8080.some((s) => s.kind === 'group' && s.source === web?.GroupId);
      const others = to8080.filter((s) => !(s.kind === 'group' && s.source === web?.GroupId));
      if (!fromWeb || others.length > 0) {
        const list = to8080.map(describeSource).join(', ') || '-';
        problems.push({
          found: { ko: `app-sg가 TCP 8080을 허용하는 곳: ${list} (web-sg${web ? ` ${web.GroupId}` : ''}만이어야 함)`, en: `app-sg allows TCP 8080 from ${list} (expected web-sg${web ? ` ${web.GroupId}` : ''} only)` },
          hint: {
            ko: '보안 그룹 규칙의 소스로 다른 보안 그룹을 주면, 그 그룹이 붙은 인스턴스에서 오는 트래픽만 허용됩니다. 주소가 바뀌거나 인스턴스가 늘어도 규칙은 그대로입니다. CIDR 규칙은 RevokeSecurityGroupIngress로 지우고, IpPermissions의 UserIdGroupPairs에 { GroupId: web-sg의 id }를 주어 TCP 8080을 허용하세요.',
            en: 'A rule whose source is another security group admits traffic only from instances that carry that group, however their addresses change or their number grows. Remove CIDR rules with RevokeSecurityGroupIngress and allow TCP 8080 with UserIdGroupPairs: [{ GroupId: web-sg\'s id }] in IpPermissions.',
          },
        });
      }
    }
    const world = [...(web ? inboundSources(web.IpPermissions).filter((s) => isWorld(s) && !(s.protocol === 'tcp' && s.fromPort === 80 && s.toPort === 80)).map((s) => `web-sg ${describeSource(s)}`) : []),
      ...(app ? inboundSources(app.IpPermissions).filter(isWorld).map((s) => `app-sg ${describeSource(s)}`) : [])];
    if (world.length > 0) {
      problems.push({
        found: { ko: `인터넷 전체에 열린 규칙: ${world.join(', ')}`, en: `open to the whole internet: ${world.join(', ')}` },
        hint: {
          ko: `인터넷 전체(${WORLD}, ::/0)에 열 것은 web-sg의 TCP 80뿐입니다. 앱 계층은 웹 계층을 거쳐서만 닿아야 합니다. 나머지 규칙은 RevokeSecurityGroupIngress로 지우세요.`,
          en: `Only web-sg's TCP 80 needs the whole internet (${WORLD}, ::/0); the app tier must be reached through the web tier only. Remove the other rules with RevokeSecurityGroupIngress.`,
        },
      });
    }
    if (problems.length > 0) return failWith({ ko: '보안 그룹', en: 'Security groups' }, problems, evidence);
    return pass({ ko: `web-sg(${web!.GroupId})는 TCP 80을 어디서나, app-sg(${app!.GroupId})는 TCP 8080을 web-sg에서만 허용합니다.`, en: `web-sg (${web!.GroupId}) allows TCP 80 from anywhere; app-sg (${app!.GroupId}) allows TCP 8080 from web-sg only.` }, evidence);
  },
};

export default defineLab({
  id: 'vpc-network',
  title: { ko: '나만의 네트워크: VPC', en: 'A network of your own: VPC' },
  summary: {
    ko: '두 가용 영역에 퍼블릭 서브넷과 프라이빗 서브넷을 둔 VPC를 만들고, 인터넷 게이트웨이와 NAT 게이트웨이, 라우팅 테이블로 어디가 인터넷에 닿는지 정한 뒤, 웹 계층과 앱 계층의 보안 그룹을 엮습니다.',
    en: 'Build a VPC with a public and a private subnet in each of two Availability Zones, decide with an internet gateway, a NAT gateway and route tables what reaches the internet, and chain the web and app tiers\' security groups.',
  },
  lessons: ['vpc', 'elb'],
  services: ['ec2'],
  steps: [
    { id: 'network', title: { ko: 'VPC와 서브넷', en: 'VPC and subnets' }, checks: [vpcCheck, subnetsCheck] },
    {
      id: 'routing',
      title: { ko: '게이트웨이와 라우팅', en: 'Gateways and routing' },
      checks: [internetGatewayCheck, publicRouteTableCheck, natGatewayCheck, privateRouteTableCheck],
    },
    { id: 'security', title: { ko: '보안 그룹', en: 'Security groups' }, checks: [securityGroupsCheck] },
  ],
});
