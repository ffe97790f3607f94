// AWS's rules for building a VPC's network that moto lets pass (sandbox/FIDELITY.md, "VPC"):
// - ModifyVpcAttribute changes one attribute a call
//   (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html);
// - a subnet's IPv4 block is between /16 and /28
//   (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html);
// - a VPC has at most one internet gateway
//   (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html);
// - a subnet is associated with one route table: moving it takes ReplaceRouteTableAssociation
//   (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html);
// - a route's internet gateway or NAT gateway exists and is in the route table's VPC
//   (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html).
import { answerOf, AwsApiError, list, queryApi } from '../aws-api.ts';
import type { AwsRule, RuleCall } from './rule.ts';

const ec2 = (call: RuleCall, action: string, params: Record<string, string>) =>
  queryApi(call.gateway, call.account, 'ec2', action, params).then((document) => answerOf(document, action));

function oneAttributeACall(call: RuleCall) {
  const form = call.operation.form!;
  const given = ['EnableDnsSupport', 'EnableDnsHostnames', 'EnableNetworkAddressUsageMetrics'].filter((name) => form.has(`${name}.Value`));
  if (given.length < 2) return undefined;
  return call.refuse('InvalidParameterCombination',
    `Fields for multiple attribute types specified: ${given.join(', ')}. ModifyVpcAttribute changes one attribute a call: send EnableDnsSupport and EnableDnsHostnames in separate calls.`);
}

function subnetSize(call: RuleCall) {
  const cidr = call.operation.form!.get('CidrBlock');
  const prefix = Number(/\/(\d+)$/.exec(cidr ?? '')?.[1]);
  if (!cidr || !Number.isInteger(prefix) || (prefix >= 16 && prefix <= 28)) return undefined;
  return call.refuse('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid: a subnet's block is between /16 and /28 (a /24 holds 256 addresses).`);
}

async function oneInternetGatewayAVpc(call: RuleCall) {
  const form = call.operation.form!;
  const vpcId = form.get('VpcId') ?? '';
  const gatewayId = form.get('InternetGatewayId') ?? '';
  const answer = await ec2(call, 'DescribeInternetGateways', { 'Filter.1.Name': 'attachment.vpc-id', 'Filter.1.Value.1': vpcId });
  const other = list(answer['internetGatewaySet']).map((g) => String(g['internetGatewayId'] ?? '')).find((id) => id && id !== gatewayId);
  if (!other) return undefined;
  return call.refuse('Resource.AlreadyAssociated',
    `resource ${vpcId} is already attached to network gateway ${other}: a VPC has one internet gateway. Use ${other}, or detach it first (DetachInternetGateway).`);
}

async function oneRouteTableASubnet(call: RuleCall) {
  const form = call.operation.form!;
  const subnetId = form.get('SubnetId');
  if (!subnetId) return undefined;
  const tableId = form.get('RouteTableId') ?? '';
  const answer = await ec2(call, 'DescribeRouteTables', { 'Filter.1.Name': 'association.subnet-id', 'Filter.1.Value.1': subnetId });
  const current = list(answer['routeTableSet'])[0];
  if (!current) return undefined;
  const association = list(current['associationSet']).find((a) => a['subnetId'] === subnetId)?.['routeTableAssociationId'];
  return call.refuse('Resource.AlreadyAssociated',
    `the specified association for route table ${tableId} conflicts with an existing association: ${subnetId} is associated with ${String(current['routeTableId'])} (${String(association)}). A subnet has one route table: move it with ReplaceRouteTableAssociation.`);
}

async function routeTargetInVpc(call: RuleCall) {
  const form = call.operation.form!;
  const tableId = form.get('RouteTableId') ?? '';
  const natId = form.get('NatGatewayId');
  const gatewayId = form.get('GatewayId');
  const igwId = gatewayId?.startsWith('igw-') ? gatewayId : undefined;
  if (!natId && !igwId) return undefined;
  // By id, not by a route-table-id filter, which MiniStack ignores (it listed every table).
  const tables = await ec2(call, 'DescribeRouteTables', { 'RouteTableId.1': tableId }).catch((error: unknown) => {
    if (error instanceof AwsApiError) return {} as Record<string, unknown>; // no such table: the call itself gets the backend's not-found error
    throw error;
  });
  const vpcId = list(tables['routeTableSet']).find((table) => table['routeTableId'] === tableId)?.['vpcId'];
  if (!vpcId) return undefined;
  if (natId) {
    const answer = await ec2(call, 'DescribeNatGateways', { 'Filter.1.Name': 'nat-gateway-id', 'Filter.1.Value.1': natId });
    const nat = list(answer['natGatewaySet']).find((n) => !['deleting', 'deleted'].includes(String(n['state'])));
    if (!nat) return call.refuse('InvalidNatGatewayID.NotFound', `The natGateway ID '${natId}' does not exist`);
    if (nat['vpcId'] !== vpcId) return call.refuse('InvalidParameterValue', `route table ${tableId} and NAT gateway ${natId} belong to different networks`);
    return undefined;
  }
  const answer = await ec2(call, 'DescribeInternetGateways', { 'Filter.1.Name': 'internet-gateway-id', 'Filter.1.Value.1': igwId! });
  const gateway = list(answer['internetGatewaySet'])[0];
  if (!gateway) return undefined; // moto says InvalidInternetGatewayID.NotFound itself
  const attached = list(gateway['attachmentSet']).some((a) => a['vpcId'] === vpcId);
  if (attached) return undefined;
  return call.refuse('InvalidParameterValue',
    `route table ${tableId} and network gateway ${igwId} belong to different networks: attach ${igwId} to ${String(vpcId)} first (AttachInternetGateway).`);
}

const checks: Record<string, (call: RuleCall) => ReturnType<NonNullable<AwsRule['check']>>> = {
  ModifyVpcAttribute: oneAttributeACall,
  CreateSubnet: subnetSize,
  AttachInternetGateway: oneInternetGatewayAVpc,
  AssociateRouteTable: oneRouteTableASubnet,
  CreateRoute: routeTargetInVpc,
  ReplaceRoute: routeTargetInVpc,
};

export const vpcNetwork: AwsRule = {
  watches: Object.keys(checks).map((operation) => `ec2:${operation}`),
  async check(call) {
    try {
      return await checks[call.operation.name]!(call);
    } catch {
      return undefined; // a lookup failed: let the backend answer with its own error
    }
  },
};
