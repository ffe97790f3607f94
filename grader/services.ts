// The AWS services Infra Labs supports, one entry each: adding a service is one entry here (and
// its SDK package in package.json). Everything else reads this table: the lab schema's service
// names, the grader context's clients, the modules learner code may import in the browser, the
// editor's typings (the build derives them from `package`), the build's pre-bundled packages and
// the runner's message for a package it does not have. The resources panel
// (src/lab/worker/resources.ts) keeps one lister per service, which the compiler asks for.
//
// Plain data and lazy loaders only: the page, the build and the learner's Node process read this
// file without loading any SDK. Runs in the browser and in Node: no Node built-ins.

/** What every client gets: the sandbox's endpoint, the region and the account's keys. */
export interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
}

interface ServiceEntry<Sdk, Client> {
  /** The SDK for JavaScript v3 package, as in package.json. */
  package: string;
  /** The package itself; a literal import(), so that Vite bundles it as a chunk of its own. */
  load: () => Promise<Sdk>;
  /** The client the grader's context gives checks and setups (as `ctx.<service>`). */
  client: (sdk: Sdk, config: ClientConfig) => Client;
}

const service = <Sdk, Client>(entry: ServiceEntry<Sdk, Client>) => entry;

export const services = {
  ec2: service({
    package: '@aws-sdk/client-ec2',
    load: () => import('@aws-sdk/client-ec2'),
    client: (sdk, config) => new sdk.EC2Client(config),
  }),
  s3: service({
    package: '@aws-sdk/client-s3',
    load: () => import('@aws-sdk/client-s3'),
    // The sandbox serves every bucket on one host.
    client: (sdk, config) => new sdk.S3Client({ ...config, forcePathStyle: true }),
  }),
  iam: service({
    package: '@aws-sdk/client-iam',
    load: () => import('@aws-sdk/client-iam'),
    client: (sdk, config) => new sdk.IAMClient(config),
  }),
  lambda: service({
    package: '@aws-sdk/client-lambda',
    load: () => import('@aws-sdk/client-lambda'),
    client: (sdk, config) => new sdk.LambdaClient(config),
  }),
  ecs: service({
    package: '@aws-sdk/client-ecs',
    load: () => import('@aws-sdk/client-ecs'),
    client: (sdk, config) => new sdk.ECSClient(config),
  }),
  eks: service({
    package: '@aws-sdk/client-eks',
    load: () => import('@aws-sdk/client-eks'),
    client: (sdk, config) => new sdk.EKSClient(config),
  }),
  elbv2: service({
    package: '@aws-sdk/client-elastic-load-balancing-v2',
    load: () => import('@aws-sdk/client-elastic-load-balancing-v2'),
    client: (sdk, config) => new sdk.ElasticLoadBalancingV2Client(config),
  }),
  autoscaling: service({
    package: '@aws-sdk/client-auto-scaling',
    load: () => import('@aws-sdk/client-auto-scaling'),
    client: (sdk, config) => new sdk.AutoScalingClient(config),
  }),
  logs: service({
    package: '@aws-sdk/client-cloudwatch-logs',
    load: () => import('@aws-sdk/client-cloudwatch-logs'),
    client: (sdk, config) => new sdk.CloudWatchLogsClient(config),
  }),
  sts: service({
    package: '@aws-sdk/client-sts',
    load: () => import('@aws-sdk/client-sts'),
    client: (sdk, config) => new sdk.STSClient(config),
  }),
};

/** A service's name in a lab definition (`services: ['ec2']`) and in the context (`ctx.ec2`). */
export type Service = keyof typeof services;

/** The configured client of each service, as checks receive them. */
export type Clients = { [K in Service]: ReturnType<(typeof services)[K]['client']> };

/** The services in the table's order. */
export const serviceNames = Object.keys(services) as [Service, ...Service[]];
