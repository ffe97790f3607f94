// Availability zones of some subnets, asked of EC2 in the caller's account.
import type { GatewayContext } from '../types.ts';
import { answerOf, list, queryApi } from '../aws-api.ts';

/** The distinct zones of the subnets; undefined when a subnet does not exist (the backend then
 *  answers the call with its own not-found error). */
export async function subnetZones(gateway: GatewayContext, account: string, subnetIds: string[]): Promise<Set<string> | undefined> {
  if (subnetIds.length === 0) return new Set();
  const params = Object.fromEntries(subnetIds.map((id, i) => [`SubnetId.${i + 1}`, id]));
  try {
    const answer = answerOf(await queryApi(gateway, account, 'ec2', 'DescribeSubnets', params), 'DescribeSubnets');
    return new Set(list(answer['subnetSet']).map((subnet) => String(subnet['availabilityZone'] ?? '')));
  } catch {
    return undefined;
  }
}
