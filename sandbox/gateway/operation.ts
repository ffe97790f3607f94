// Which AWS call a request is: service, wire protocol and operation name. The gateway needs the
// protocol to answer errors in a shape the client's SDK can parse, and the name to apply rules.
import type { Exchange } from './types.ts';
import { textOf } from './bytes.ts';

/** ec2: EC2's query dialect; query: IAM, STS, ELBv2, Auto Scaling; json: awsJson (ECS, Logs);
 *  rest-json: Lambda, EKS; rest-xml: S3. */
export type Protocol = 'ec2' | 'query' | 'json' | 'rest-json' | 'rest-xml';

export interface Operation {
  service: string;
  protocol: Protocol;
  /** The API name (RunInstances, CreateBucket, ...), or `METHOD /path` when unknown. */
  name: string;
  /** Query protocols: the form parameters. */
  form?: URLSearchParams;
  /** JSON protocols: the parsed body ({} when empty or not JSON). */
  json?: Record<string, unknown>;
  /** S3: the bucket and key addressed (path style or <bucket>.localhost). */
  bucket?: string;
  key?: string;
}

const queryServices = new Set(['iam', 'sts', 'elasticloadbalancing', 'autoscaling', 'sns', 'cloudformation', 'rds', 'ses', 'monitoring']);
const restJsonServices = new Set(['lambda', 'eks', 'apigateway', 'execute-api']);

function header(exchange: Exchange, name: string): string {
  const value = exchange.request.headers[name];
  return Array.isArray(value) ? value[0] ?? '' : value ?? '';
}

function serviceOf(exchange: Exchange): string {
  if (exchange.service) return exchange.service;
  const { path } = exchange.request;
  // Unsigned requests (rare: browsers always sign through the SDK) are told apart by their path.
  if (path.startsWith('/2015-03-31/') || path.startsWith('/2021-10-31/')) return 'lambda';
  if (path.startsWith('/clusters')) return 'eks';
  if (header(exchange, 'x-amz-target')) return 'unknown-json';
  return header(exchange, 'content-type').includes('x-www-form-urlencoded') ? 'unknown-query' : 's3';
}

function protocolOf(service: string, exchange: Exchange): Protocol {
  if (service === 'ec2') return 'ec2';
  if (service === 's3') return 'rest-xml';
  if (restJsonServices.has(service)) return 'rest-json';
  if (queryServices.has(service)) return 'query';
  if (header(exchange, 'x-amz-target')) return 'json';
  return header(exchange, 'content-type').includes('x-www-form-urlencoded') ? 'query' : 'json';
}

function parseJson(body: Uint8Array): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(textOf(body));
    return value && typeof value === 'object' ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

const restJsonRoutes: [method: string, pattern: RegExp, name: string][] = [
  ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction'],
  ['GET', /^\/2015-03-31\/functions\/?$/, 'ListFunctions'],
  ['PUT', /^\/2015-03-31\/functions\/[^/]+\/configuration\/?$/, 'UpdateFunctionConfiguration'],
  ['POST', /^\/2015-03-31\/functions\/[^/]+\/invocations\/?$/, 'Invoke'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/?$/, 'GetFunction'],
  ['POST', /^\/clusters\/?$/, 'CreateCluster'],
  ['GET', /^\/clusters\/?$/, 'ListClusters'],
  ['POST', /^\/clusters\/[^/]+\/node-groups\/?$/, 'CreateNodegroup'],
  ['POST', /^\/clusters\/[^/]+\/node-groups\/[^/]+\/update-config\/?$/, 'UpdateNodegroupConfig'],
  ['DELETE', /^\/clusters\/[^/]+\/node-groups\/[^/]+\/?$/, 'DeleteNodegroup'],
  ['GET', /^\/clusters\/[^/]+\/?$/, 'DescribeCluster'],
];

/** S3 sub-resources that name a bucket-level operation, as `?policy` is PutBucketPolicy. */
const s3SubResources: Record<string, string> = {
  policy: 'BucketPolicy', website: 'BucketWebsite', publicAccessBlock: 'PublicAccessBlock',
  versioning: 'BucketVersioning', lifecycle: 'BucketLifecycleConfiguration', cors: 'BucketCors',
  tagging: 'BucketTagging', acl: 'BucketAcl', notification: 'BucketNotificationConfiguration',
  encryption: 'BucketEncryption', location: 'BucketLocation', ownershipControls: 'BucketOwnershipControls',
};

/** An object call sent without the SDK's `x-id` (browsers' own requests, other tools). */
function objectOperation(exchange: Exchange, verb: string): string {
  const { method, query } = exchange.request;
  if (query.has('uploadId')) {
    if (method === 'PUT') return header(exchange, 'x-amz-copy-source') ? 'UploadPartCopy' : 'UploadPart';
    if (method === 'POST') return 'CompleteMultipartUpload';
    if (method === 'DELETE') return 'AbortMultipartUpload';
    if (method === 'GET') return 'ListParts';
  }
  if (method === 'POST' && query.has('uploads')) return 'CreateMultipartUpload';
  if (method === 'PUT' && header(exchange, 'x-amz-copy-source')) return 'CopyObject';
  return `${verb}Object`;
}

/** A path segment as S3 reads it; one that is not valid percent-encoding is taken as written
 *  (the backend answers it as it would). */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function s3Operation(exchange: Exchange): Pick<Operation, 'name' | 'bucket' | 'key'> {
  const { method, path, query } = exchange.request;
  const host = header(exchange, 'host').replace(/:\d+$/, '');
  const virtual = /^(.+?)\.(?:s3\.)?localhost$/.exec(host);
  const parts = path.split('/').slice(1).map(decodePathPart);
  // <bucket>.localhost/<key> or /<bucket>/<key>: the key is the rest, decoded, either way.
  const bucket = virtual ? virtual[1] : parts.shift() || undefined;
  const key = parts.join('/') || undefined;
  const explicit = query.get('x-id');
  if (explicit) return { name: explicit, bucket, key };
  const verb = ({ PUT: 'Put', GET: 'Get', DELETE: 'Delete', HEAD: 'Head', POST: 'Post' } as Record<string, string>)[method] ?? method;
  if (!bucket) return { name: method === 'GET' ? 'ListBuckets' : `${method} /`, bucket, key };
  if (key) return { name: objectOperation(exchange, verb), bucket, key };
  for (const [sub, noun] of Object.entries(s3SubResources)) if (query.has(sub)) return { name: `${verb}${noun}`, bucket, key };
  if (method === 'PUT') return { name: 'CreateBucket', bucket, key };
  if (method === 'DELETE') return { name: 'DeleteBucket', bucket, key };
  if (method === 'HEAD') return { name: 'HeadBucket', bucket, key };
  if (method === 'POST' && query.has('delete')) return { name: 'DeleteObjects', bucket, key };
  return { name: query.has('versions') ? 'ListObjectVersions' : 'ListObjects', bucket, key };
}

export function identifyOperation(exchange: Exchange): Operation {
  if (exchange.operation) return exchange.operation;
  const service = serviceOf(exchange);
  const protocol = protocolOf(service, exchange);
  const { method, path, query, body } = exchange.request;
  let operation: Operation;
  if (protocol === 'ec2' || protocol === 'query') {
    const form = method === 'GET' ? query : new URLSearchParams(textOf(body));
    operation = { service, protocol, name: form.get('Action') ?? `${method} ${path}`, form };
  } else if (protocol === 'json') {
    const target = header(exchange, 'x-amz-target');
    operation = { service, protocol, name: target.slice(target.lastIndexOf('.') + 1) || `${method} ${path}`, json: parseJson(body) };
  } else if (protocol === 'rest-json') {
    const route = restJsonRoutes.find(([verb, pattern]) => verb === method && pattern.test(path));
    operation = { service, protocol, name: route?.[2] ?? `${method} ${path}`, json: parseJson(body) };
  } else {
    operation = { service, protocol, ...s3Operation(exchange) };
  }
  exchange.operation = operation;
  return operation;
}

/** Form parameters of a query-protocol list: `Subnets.member.1`, `SubnetId.1`, ... in order. */
export function formList(form: URLSearchParams, name: string): string[] {
  const pattern = new RegExp(`^${name}\\.(?:member\\.)?(\\d+)$`);
  const values: [number, string][] = [];
  for (const [key, value] of form) {
    const match = pattern.exec(key);
    if (match) values.push([Number(match[1]), value]);
  }
  return values.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}
