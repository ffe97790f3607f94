// AWS: an EKS cluster's subnets must be in at least two Availability Zones.
// https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
import type { AwsRule } from './rule.ts';
import { subnetZones } from './subnet-zones.ts';

export const eksTwoZones: AwsRule = {
  watches: ['eks:CreateCluster'],
  async check(call) {
    const config = (call.operation.json?.['resourcesVpcConfig'] ?? {}) as { subnetIds?: unknown };
    const subnets = Array.isArray(config.subnetIds) ? config.subnetIds.map(String) : [];
    const zones = await subnetZones(call.gateway, call.account, subnets);
    if (zones && zones.size >= 2) return undefined;
    if (!zones) return call.refuse('InvalidParameterException', `One or more subnets do not exist: check the subnet ids ${subnets.join(', ')} with DescribeSubnets.`);
    return call.refuse('InvalidParameterException',
      'Subnets specified must be in at least two different AZs: give resourcesVpcConfig.subnetIds from two or more Availability Zones.');
  },
};
