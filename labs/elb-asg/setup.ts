// The lab builds everything itself; its only prerequisite is a default VPC, whose subnets in
// several Availability Zones the load balancer and the Auto Scaling group use.
import { CreateDefaultVpcCommand } from '@aws-sdk/client-ec2';
import type { LabContext } from '../../grader/lab.ts';
import { defaultVpcId } from '../../grader/queries/ec2.ts';

export default async function setup(ctx: LabContext): Promise<void> {
  if (!(await defaultVpcId(ctx))) await ctx.ec2.send(new CreateDefaultVpcCommand({}));
}
