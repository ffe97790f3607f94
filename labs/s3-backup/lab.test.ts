import { proveLab } from '../../grader/testing/prove-lab.ts';

proveLab('s3-backup');
