import { proveLab } from '../../grader/testing/prove-lab.ts';

proveLab('elb-asg');
