// proveLab proves its own example lab (grader/testing/example/labs/key-and-volume): every kind of case passes.
import { join } from 'node:path';
import { proveLab } from './prove-lab.ts';

proveLab('key-and-volume', { root: join(import.meta.dirname, 'example') });
