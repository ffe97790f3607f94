// vpc-network builds its whole network itself: it needs nothing but an account. The default VPC
// that every account has stays untouched (the lab must not use it).
import type { LabContext } from '../../grader/lab.ts';

export default async function setup(_ctx: LabContext): Promise<void> {}
