// The context checks and setups receive: SDK v3 clients for one account of the sandbox, created
// on first use (a lab touches two or three services of ten). Browser-safe: no Node built-ins.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { Clients, LabContext } from './lab.ts';
import { anySecret } from './sandbox-api.ts';

export interface ContextOptions {
  /** The sandbox gateway URL, e.g. http://localhost:4566 */
  endpoint: string;
  /** 12-digit account id (the access key id the gateway maps to the account). */
  account: string;
  /** The account's secret access key: a classroom sandbox verifies signatures with it (its roster's
   *  secret); a sandbox without a roster accepts any, hence the default. */
  secret?: string;
}

const factories: { [K in keyof Clients]: (config: ClientConfig) => Clients[K] } = {
  ec2: (config) => new EC2Client(config),
  s3: (config) => new S3Client({ ...config, forcePathStyle: true }),
  iam: (config) => new IAMClient(config),
  lambda: (config) => new LambdaClient(config),
  ecs: (config) => new ECSClient(config),
  eks: (config) => new EKSClient(config),
  elbv2: (config) => new ElasticLoadBalancingV2Client(config),
  autoscaling: (config) => new AutoScalingClient(config),
  logs: (config) => new CloudWatchLogsClient(config),
  sts: (config) => new STSClient(config),
};

type ClientConfig = ReturnType<typeof clientConfig>;

function clientConfig({ endpoint, account, secret }: ContextOptions) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: secret ?? anySecret },
    // The sandbox is local: a second attempt covers a blip; more only delays "cannot reach".
    maxAttempts: 2,
  };
}

export function createLabContext(options: ContextOptions): LabContext {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const config = clientConfig({ endpoint, account: options.account, secret: options.secret });
  const created: Partial<Clients> = {};
  const context = {
    account: options.account,
    region: 'us-east-1' as const,
    endpoint,
    signal: new AbortController().signal,
    async fetchWebsite(bucket: string, path: string) {
      const key = path.replace(/^\/+/, '');
      const response = await fetch(`${endpoint}/_infralabs/website/${encodeURIComponent(bucket)}/${key}`, { signal: this.signal });
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', etag: response.headers.get('etag') ?? '', body: await response.text() };
    },
  } as LabContext;
  for (const name of Object.keys(factories) as (keyof Clients)[]) {
    Object.defineProperty(context, name, {
      enumerable: true,
      get: () => (created[name] ??= factories[name](config) as never),
    });
  }
  return context;
}

/** The same context (same clients) with a check's own abort signal. */
export function withSignal(context: LabContext, signal: AbortSignal): LabContext {
  return Object.create(context, { signal: { value: signal, enumerable: true } }) as LabContext;
}
