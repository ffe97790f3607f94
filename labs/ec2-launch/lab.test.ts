import { proveLab } from '../../grader/testing/prove-lab.ts';

proveLab('ec2-launch');
