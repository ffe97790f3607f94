// ec2-launch starts from an empty account: the default VPC that every account has is all it needs.
import type { LabContext } from '../../grader/lab.ts';

export default async function setup(_ctx: LabContext): Promise<void> {}
