// The packages learner code may import in the browser, each loaded only when the code uses it
// (a run that needs S3 does not download EC2). Mirrors what `infralabs run` resolves in Node.
export type ModuleLoader = () => Promise<Record<string, unknown>>;

export const learnerModules: Record<string, ModuleLoader> = {
  '@aws-sdk/client-auto-scaling': () => import('@aws-sdk/client-auto-scaling'),
  '@aws-sdk/client-cloudwatch-logs': () => import('@aws-sdk/client-cloudwatch-logs'),
  '@aws-sdk/client-ec2': () => import('@aws-sdk/client-ec2'),
  '@aws-sdk/client-ecs': () => import('@aws-sdk/client-ecs'),
  '@aws-sdk/client-eks': () => import('@aws-sdk/client-eks'),
  '@aws-sdk/client-elastic-load-balancing-v2': () => import('@aws-sdk/client-elastic-load-balancing-v2'),
  '@aws-sdk/client-iam': () => import('@aws-sdk/client-iam'),
  '@aws-sdk/client-lambda': () => import('@aws-sdk/client-lambda'),
  '@aws-sdk/client-s3': () => import('@aws-sdk/client-s3'),
  '@aws-sdk/client-sts': () => import('@aws-sdk/client-sts'),
  fflate: () => import('fflate'),
};
