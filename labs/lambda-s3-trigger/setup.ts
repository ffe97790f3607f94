// lambda-s3-trigger starts from an empty account: the learner builds every piece.
import type { LabContext } from '../../grader/lab.ts';

export default async function setup(_ctx: LabContext): Promise<void> {}
