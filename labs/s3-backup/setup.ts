// s3-backup starts from an empty account: nothing to prepare.
import type { LabContext } from '../../grader/lab.ts';

export default async function setup(_ctx: LabContext): Promise<void> {}
