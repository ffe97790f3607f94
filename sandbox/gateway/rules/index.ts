// Every AWS rule the gateway enforces; sandbox/FIDELITY.md says what each restores.
import type { AwsRule } from './rule.ts';
import { asgCapacity } from './asg-capacity.ts';
import { asgTrafficSources } from './asg-traffic-sources.ts';
import { ec2VolumeZone } from './ec2-volume-zone.ts';
import { ecsFargate } from './ecs-fargate.ts';
import { eksNodeGroups } from './eks-node-groups.ts';
import { eksTwoZones } from './eks-two-zones.ts';
import { elbTwoZones } from './elb-two-zones.ts';
import { lambdaExecutionRole } from './lambda-execution-role.ts';
import { lambdaLimits } from './lambda-limits.ts';
import { s3BucketNames } from './s3-bucket-names.ts';
import { s3EventNotifications } from './s3-event-notifications.ts';
import { s3PublicAccess } from './s3-public-access.ts';
import { vpcNetwork } from './vpc-network.ts';

export const rules: AwsRule[] = [s3BucketNames, s3PublicAccess, ec2VolumeZone, lambdaLimits, lambdaExecutionRole, ecsFargate, elbTwoZones, asgCapacity, asgTrafficSources, eksTwoZones, eksNodeGroups, s3EventNotifications, vpcNetwork];

const byCall = new Map<string, AwsRule[]>();
for (const rule of rules) for (const call of rule.watches) byCall.set(call, [...(byCall.get(call) ?? []), rule]);

export function rulesFor(service: string, operation: string): AwsRule[] {
  return byCall.get(`${service}:${operation}`) ?? [];
}
