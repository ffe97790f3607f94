// The sandbox's own AWS calls (rules, the website endpoint, Lambda logs): about fifteen operations,
// run through the gateway's chain in-process in the learner's account, so that they see exactly
// what the learner may see and every rule applies to them too (LocalStack's internal clients
// short-circuit through its gateway the same way). Requests in the wire protocols, not the AWS
// SDK: the SDK's clients were most of the sandbox process's memory (bench/sandbox.bench.ts), and
// the learner's code, not the sandbox, is what the SDK is for. A call names its account, region
// and service in a SigV4 credential scope, as AWS requests do and as the backends (moto,
// LocalStack) read them; it carries no signature: the exchange's `internal` mark, which no HTTP
// request can set, is what lets it past a class's signature check.
import { XMLParser } from 'fast-xml-parser';
import { Md5 } from '@smithy/core/checksum';
import { bytesOf, textOf } from './bytes.ts';
import type { GatewayContext, GatewayRequest } from './types.ts';

/** An AWS error answer: `name` is its code (NoSuchBucket, InvalidSubnetID.NotFound, ...). */
export class AwsApiError extends Error {
  readonly status: number;

  constructor(name: string, status: number, message: string) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

interface Call {
  account: string;
  /** The service's signing name, which the gateway reads to know the service. */
  service: string;
  region?: string;
  method: string;
  /** The path, with its query string when it has one. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sends again once after a failure the backend may not repeat (5xx, throttling). */
  retry?: boolean;
}

/** The call as a request to the gateway, as an SDK would send it but unsigned. */
function requestOf(call: Call): GatewayRequest {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const queryAt = call.path.indexOf('?');
  const search = queryAt === -1 ? '' : call.path.slice(queryAt + 1);
  const body = bytesOf(call.body ?? '');
  return {
    method: call.method,
    path: queryAt === -1 ? call.path : call.path.slice(0, queryAt),
    search,
    query: new URLSearchParams(search),
    headers: {
      ...call.headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${call.account}/${day}/${call.region ?? 'us-east-1'}/${call.service}/aws4_request`,
    },
    body,
  };
}

async function send(gateway: GatewayContext, call: Call): Promise<Answer> {
  // Loaded when first called: the chain's rules import this module, so a static import of the
  // chain here would be a cycle.
  const { handle } = await import('./dispatch.ts');
  const response = await handle({ request: requestOf(call), account: call.account, internal: true }, gateway);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers[name] = value;
  return { status: response.status, headers, body: call.method === 'HEAD' ? new Uint8Array(0) : bytesOf(response.body) };
}

const xml = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  // EC2 lists are <item>s and query-protocol lists <member>s: always arrays, even of one.
  isArray: (name) => name === 'item' || name === 'member',
});

/** Parsed XML, or {} for an empty body. */
export function parseXml(body: Uint8Array | string): Record<string, unknown> {
  return body.length === 0 ? {} : xml.parse(textOf(body)) as Record<string, unknown>;
}

function parseJson(body: Uint8Array): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(textOf(body) || '{}');
    return value && typeof value === 'object' ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

/** The error code and message of a failed answer, in whichever protocol it came. */
function failure(answer: Answer): AwsApiError {
  const json = (answer.headers['content-type'] ?? '').includes('json') ? parseJson(answer.body) : undefined;
  const xmlError = json ? undefined : findError(parseXml(answer.body));
  // x-amzn-errortype is "Code:http://...", awsJson's __type "namespace#Code".
  const raw = answer.headers['x-amzn-errortype'] ?? json?.['__type'] ?? json?.['code'] ?? xmlError?.['Code'] ?? '';
  const code = String(raw).split(':')[0]!.split('#').pop()!;
  const message = String(json?.['message'] ?? json?.['Message'] ?? xmlError?.['Message'] ?? `HTTP ${answer.status}`);
  // HEAD answers have no body: only the status says what went wrong.
  const fallback = answer.status === 404 ? 'NotFound' : answer.status === 403 ? 'Forbidden' : 'UnknownError';
  return new AwsApiError(code || fallback, answer.status, message);
}

/** <Error> wherever the protocol puts it: at the root (S3), or under <Response><Errors> (EC2). */
function findError(document: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const value of Object.values(document)) {
    if (!value || typeof value !== 'object') continue;
    const record = value as Record<string, unknown>;
    if ('Code' in record) return record;
    const inner = findError(record);
    if (inner) return inner;
  }
  return undefined;
}

const retryable = (error: unknown) =>
  !(error instanceof AwsApiError) || error.status >= 500 || /Throttl/.test(error.name);

/** Sends the call and answers its response, or throws AwsApiError for an AWS error answer. */
export async function callAws(gateway: GatewayContext, call: Call): Promise<Answer> {
  const once = async () => {
    const answer = await send(gateway, call);
    if (answer.status >= 300 && answer.status !== 304) throw failure(answer);
    return answer;
  };
  try {
    return await once();
  } catch (error) {
    if (!call.retry || !retryable(error)) throw error;
    return once();
  }
}

/** A query-protocol call (EC2, Auto Scaling): the parsed XML answer. */
export async function queryApi(gateway: GatewayContext, account: string, service: 'ec2' | 'autoscaling', action: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const version = service === 'ec2' ? '2016-11-15' : '2011-01-01';
  const body = new URLSearchParams({ Action: action, Version: version, ...params }).toString();
  const answer = await callAws(gateway, {
    account, service, method: 'POST', path: '/', body,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  return parseXml(answer.body);
}

/** An awsJson 1.1 call (ECS, CloudWatch Logs): the parsed JSON answer. */
export async function jsonApi(
  gateway: GatewayContext, account: string, service: 'ecs' | 'logs', target: string, input: unknown,
  options: { region?: string; retry?: boolean } = {},
): Promise<Record<string, unknown>> {
  const answer = await callAws(gateway, {
    account, service, method: 'POST', path: '/', body: JSON.stringify(input), ...options,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
  });
  return parseJson(answer.body);
}

/** An S3 call on a bucket (path style), optionally on a key and a sub-resource such as `website`. */
export async function s3Api(
  gateway: GatewayContext, account: string, method: string, bucket: string,
  options: { key?: string; subresource?: string; body?: string } = {},
): Promise<Answer> {
  const key = options.key === undefined ? '' : `/${options.key.split('/').map(encodeURIComponent).join('/')}`;
  const headers: Record<string, string> = {};
  // S3 requires a Content-MD5 (or checksum) on configuration PUTs such as PutPublicAccessBlock.
  if (options.body !== undefined) headers['content-md5'] = await contentMd5(options.body);
  return callAws(gateway, {
    account, service: 's3', method, headers, body: options.body,
    path: `/${encodeURIComponent(bucket)}${key}${options.subresource ? `?${options.subresource}` : ''}`,
  });
}

async function contentMd5(body: string): Promise<string> {
  const md5 = new Md5();
  md5.update(bytesOf(body));
  return btoa(String.fromCharCode(...await md5.digest()));
}

/** The answer element of a query-protocol response (<DescribeSubnetsResponse>, ...), with its
 *  <...Result> wrapper opened when the protocol has one (Auto Scaling). */
export function answerOf(document: Record<string, unknown>, action: string): Record<string, unknown> {
  const response = (document[`${action}Response`] ?? {}) as Record<string, unknown>;
  return (response[`${action}Result`] ?? response) as Record<string, unknown>;
}

/** The entries of an EC2 `<...Set>` or query `<member>` list, [] when absent. */
export function list(value: unknown, child: 'item' | 'member' = 'item'): Record<string, unknown>[] {
  if (!value || typeof value !== 'object') return [];
  const items = (value as Record<string, unknown>)[child];
  return Array.isArray(items) ? items as Record<string, unknown>[] : [];
}
