// vpc-network, reference solution: a VPC with a public and a private subnet in each of two zones,
// an internet gateway, a NAT gateway, two route tables and two security groups. Safe to run again:
// every step looks for its resource by Name tag before creating it.
//ko vpc-network 참조 답안: 두 가용 영역 각각에 퍼블릭 서브넷과 프라이빗 서브넷이 하나씩 있는 VPC,
//ko 인터넷 게이트웨이, NAT 게이트웨이, 라우팅 테이블 두 개, 보안 그룹 두 개. 다시 실행해도 안전합니다:
//ko 단계마다 만들기 전에 Name 태그로 리소스를 먼저 찾습니다.
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
  CreateVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  ReplaceRouteCommand,
  ReplaceRouteTableAssociationCommand,
  waitUntilNatGatewayAvailable,
  type IpPermission,
  type RouteTable,
  type Tag,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
const nameTag = (resource: 'vpc' | 'subnet' | 'internet-gateway' | 'route-table' | 'natgateway' | 'elastic-ip' | 'security-group', name: string) =>
  [{ ResourceType: resource, Tags: [{ Key: 'Name', Value: name }] as Tag[] }];
const byName = (name: string) => ({ Name: 'tag:Name', Values: [name] });

// 1. The VPC: 10.0.0.0/16, with DNS support and DNS hostnames (one attribute per call, as EC2 asks).
//ko 1. VPC: 10.0.0.0/16, DNS 지원과 DNS 호스트 이름 켜기 (EC2가 요구하는 대로 호출 한 번에 속성 하나).
const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [byName('lab-vpc')] }));
let vpcId = Vpcs?.find((vpc) => !vpc.IsDefault)?.VpcId;
if (!vpcId) {
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: nameTag('vpc', 'lab-vpc') }));
  vpcId = Vpc!.VpcId!;
  console.log(`created lab-vpc ${vpcId}`);
} else {
  console.log(`lab-vpc already exists: ${vpcId}`);
}
await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
const inVpc = { Name: 'vpc-id', Values: [vpcId] };

// 2. Four /24 subnets, a public and a private one in each of two Availability Zones.
//ko 2. /24 서브넷 네 개: 두 가용 영역 각각에 퍼블릭 하나, 프라이빗 하나.
const plan = [
  { name: 'public-a', cidr: '10.0.1.0/24', zone: 'us-east-1a', isPublic: true },
  { name: 'public-b', cidr: '10.0.2.0/24', zone: 'us-east-1b', isPublic: true },
  { name: 'private-a', cidr: '10.0.11.0/24', zone: 'us-east-1a', isPublic: false },
  { name: 'private-b', cidr: '10.0.12.0/24', zone: 'us-east-1b', isPublic: false },
];
const subnetIds: Record<string, string> = {};
for (const { name, cidr, zone, isPublic } of plan) {
  const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [inVpc, byName(name)] }));
  let subnetId = Subnets?.[0]?.SubnetId;
  if (!subnetId) {
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone, TagSpecifications: nameTag('subnet', name) }));
    subnetId = Subnet!.SubnetId!;
    console.log(`created ${name} ${subnetId} (${cidr}, ${zone})`);
  }
  // Public subnets give their instances a public IPv4 address; private ones never do.
  //ko 퍼블릭 서브넷은 인스턴스에 퍼블릭 IPv4 주소를 주고, 프라이빗 서브넷은 절대 주지 않습니다.
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: isPublic } }));
  subnetIds[name] = subnetId;
}

// 3. The internet gateway, attached to the VPC.
//ko 3. 인터넷 게이트웨이를 만들어 VPC에 연결합니다.
const { InternetGateways } = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: [byName('lab-igw')] }));
let igw = InternetGateways?.[0];
if (!igw) {
  igw = (await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: nameTag('internet-gateway', 'lab-igw') }))).InternetGateway!;
  console.log(`created lab-igw ${igw.InternetGatewayId}`);
}
const igwId = igw.InternetGatewayId!;
if (!igw.Attachments?.some((attachment) => attachment.VpcId === vpcId)) {
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
  console.log(`attached lab-igw to ${vpcId}`);
}

// A route table by name, created when missing; and a route for 0.0.0.0/0, created or replaced.
//ko 이름으로 찾은 라우팅 테이블(없으면 만듦)과 0.0.0.0/0 경로(없으면 만들고, 있으면 바꿈).
async function routeTable(name: string): Promise<RouteTable> {
  const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ Filters: [inVpc, byName(name)] }));
  if (RouteTables?.[0]) return RouteTables[0];
  const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: nameTag('route-table', name) }));
  console.log(`created ${name} ${RouteTable!.RouteTableId}`);
  return RouteTable!;
}
async function defaultRoute(table: RouteTable, target: { GatewayId: string } | { NatGatewayId: string }): Promise<void> {
  const route = { RouteTableId: table.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', ...target };
  const existing = table.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  if (!existing) await ec2.send(new CreateRouteCommand(route));
  else if (existing.GatewayId !== (target as { GatewayId?: string }).GatewayId || existing.NatGatewayId !== (target as { NatGatewayId?: string }).NatGatewayId) {
    await ec2.send(new ReplaceRouteCommand(route));
  }
}
// A subnet has one route table: associate it, or move its association over.
//ko 서브넷의 라우팅 테이블은 하나입니다: 연결하거나, 기존 연결을 옮깁니다.
async function associate(table: RouteTable, subnetName: string): Promise<void> {
  const subnetId = subnetIds[subnetName]!;
  const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }));
  const current = RouteTables?.[0];
  if (current?.RouteTableId === table.RouteTableId) return;
  const association = current?.Associations?.find((a) => a.SubnetId === subnetId);
  if (association) await ec2.send(new ReplaceRouteTableAssociationCommand({ AssociationId: association.RouteTableAssociationId, RouteTableId: table.RouteTableId }));
  else await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table.RouteTableId, SubnetId: subnetId }));
  console.log(`${subnetName} now uses ${table.RouteTableId}`);
}

// 4. public-rt: the internet through the internet gateway, for both public subnets.
//ko 4. public-rt: 인터넷 게이트웨이를 거쳐 인터넷으로, 두 퍼블릭 서브넷에.
const publicRt = await routeTable('public-rt');
await defaultRoute(publicRt, { GatewayId: igwId });
await associate(publicRt, 'public-a');
await associate(publicRt, 'public-b');

// 5. The NAT gateway in public-a, with an Elastic IP; it starts pending, so wait until it is available.
//ko 5. public-a에 탄력적 IP 주소를 가진 NAT 게이트웨이. pending으로 시작하므로 available이 될 때까지 기다립니다.
const { NatGateways } = await ec2.send(new DescribeNatGatewaysCommand({
  Filter: [inVpc, byName('lab-nat'), { Name: 'state', Values: ['pending', 'available'] }],
}));
let natId = NatGateways?.[0]?.NatGatewayId;
if (!natId) {
  const { AllocationId, PublicIp } = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: nameTag('elastic-ip', 'lab-nat-eip') }));
  const { NatGateway } = await ec2.send(new CreateNatGatewayCommand({
    SubnetId: subnetIds['public-a'],
    AllocationId,
    TagSpecifications: nameTag('natgateway', 'lab-nat'),
  }));
  natId = NatGateway!.NatGatewayId!;
  console.log(`created lab-nat ${natId} with Elastic IP ${PublicIp} (${NatGateway!.State})`);
}
await waitUntilNatGatewayAvailable({ client: ec2, maxWaitTime: 300, minDelay: 2 }, { NatGatewayIds: [natId] });
console.log(`lab-nat ${natId} is available`);

// 6. private-rt: out through the NAT gateway only, for both private subnets.
//ko 6. private-rt: NAT 게이트웨이로만 나가는 경로, 두 프라이빗 서브넷에.
const privateRt = await routeTable('private-rt');
await defaultRoute(privateRt, { NatGatewayId: natId });
await associate(privateRt, 'private-a');
await associate(privateRt, 'private-b');

// 7. Security groups: web-sg open to the world on 80, app-sg open on 8080 to web-sg only.
//ko 7. 보안 그룹: web-sg는 80 포트를 누구에게나, app-sg는 8080 포트를 web-sg에만 엽니다.
async function securityGroup(name: string, description: string, rules: IpPermission[]): Promise<string> {
  const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [inVpc, { Name: 'group-name', Values: [name] }] }));
  if (SecurityGroups?.[0]) return SecurityGroups[0].GroupId!;
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: description, VpcId: vpcId }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: rules }));
  console.log(`created ${name} ${GroupId}`);
  return GroupId!;
}
const webSg = await securityGroup('web-sg', 'web tier: HTTP from anywhere', [
  { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTP from anywhere' }] },
]);
const appSg = await securityGroup('app-sg', 'app tier: 8080 from the web tier only', [
  { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: webSg, Description: 'from web-sg' }] },
]);
console.log(`web-sg ${webSg}, app-sg ${appSg}: the network is ready`);
