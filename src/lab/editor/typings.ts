// IntelliSense for the SDK clients a lab uses: each client's declarations arrive as one lazily
// imported text (see src/build/sdk-types-plugin.mjs), so a lab that uses S3 never loads EC2's.
import type { Service } from '../../../grader/lab.ts';

type Loader = () => Promise<{ default: string }>;

const clients: Record<Service, Loader> = {
  autoscaling: () => import('virtual:sdk-types/@aws-sdk/client-auto-scaling'),
  logs: () => import('virtual:sdk-types/@aws-sdk/client-cloudwatch-logs'),
  ec2: () => import('virtual:sdk-types/@aws-sdk/client-ec2'),
  ecs: () => import('virtual:sdk-types/@aws-sdk/client-ecs'),
  eks: () => import('virtual:sdk-types/@aws-sdk/client-eks'),
  elbv2: () => import('virtual:sdk-types/@aws-sdk/client-elastic-load-balancing-v2'),
  iam: () => import('virtual:sdk-types/@aws-sdk/client-iam'),
  lambda: () => import('virtual:sdk-types/@aws-sdk/client-lambda'),
  s3: () => import('virtual:sdk-types/@aws-sdk/client-s3'),
  sts: () => import('virtual:sdk-types/@aws-sdk/client-sts'),
};

/** What every client's declarations refer to (send(), command outputs), plus fflate for zips. */
const shared: [string, Loader][] = [
  ['@smithy/types', () => import('virtual:sdk-types/@smithy/types')],
  ['@smithy/core', () => import('virtual:sdk-types/@smithy/core')],
  ['fflate', () => import('virtual:sdk-types/fflate')],
];

export function typingsFor(services: Service[]): [name: string, load: Loader][] {
  return [...shared, ...services.map((service): [string, Loader] => [service, clients[service]])];
}
