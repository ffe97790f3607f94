import { proveLab } from '../../grader/testing/prove-lab.ts';

proveLab('lambda-vs-fargate');
