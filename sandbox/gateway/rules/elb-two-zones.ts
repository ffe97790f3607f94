// AWS: an Application Load Balancer needs subnets in at least two Availability Zones.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer
import { formList } from '../operation.ts';
import type { AwsRule } from './rule.ts';
import { subnetZones } from './subnet-zones.ts';

export const elbTwoZones: AwsRule = {
  watches: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:SetSubnets'],
  async check(call) {
    const form = call.operation.form!;
    const application = call.operation.name === 'SetSubnets'
      ? (form.get('LoadBalancerArn') ?? '').includes(':loadbalancer/app/')
      : (form.get('Type') ?? 'application') === 'application';
    if (!application) return undefined;
    const subnets = formList(form, 'Subnets');
    for (const [name, value] of form) if (/^SubnetMappings\.member\.\d+\.SubnetId$/.test(name)) subnets.push(value);
    const zones = await subnetZones(call.gateway, call.account, subnets);
    if (!zones || zones.size >= 2) return undefined;
    return call.refuse('ValidationError',
      'At least two subnets in two different Availability Zones must be specified: give the load balancer subnets from two or more Availability Zones.');
  },
};
