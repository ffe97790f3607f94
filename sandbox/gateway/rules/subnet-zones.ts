// Availability zones of some subnets, asked of EC2 in the caller's account.
import type { GatewayContext } from '../types.ts';
import { internalClient } from '../internal-clients.ts';

/** The distinct zones of the subnets; undefined when a subnet does not exist (the backend then
 *  answers the call with its own not-found error). */
export async function subnetZones(gateway: GatewayContext, account: string, subnetIds: string[]): Promise<Set<string> | undefined> {
  if (subnetIds.length === 0) return new Set();
  const { EC2Client, DescribeSubnetsCommand } = await import('@aws-sdk/client-ec2');
  const ec2 = internalClient(gateway, EC2Client, account);
  try {
    const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }));
    return new Set(Subnets.map((subnet) => subnet.AvailabilityZone ?? ''));
  } catch {
    return undefined;
  }
}
