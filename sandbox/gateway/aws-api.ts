// The sandbox's own AWS calls (rules, the website endpoint, Lambda logs): about fifteen operations,
// sent through the gateway in the learner's account so that they see exactly what the learner may
// see. Plain HTTP in the wire protocols, not the AWS SDK: the SDK's clients were most of the
// sandbox process's memory (bench/sandbox.bench.ts), and the learner's code, not the sandbox, is
// what the SDK is for. Requests carry the account in a SigV4 Credential scope; the backends here
// (moto, LocalStack) read it and do not check signatures. In a class, where the gateway checks
// them, these calls carry instead a token only this process knows (internalCallToken).
import { Agent, request } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

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
  body: Buffer;
}

interface Call {
  endpoint: string;
  account: string;
  /** The service's signing name, which the gateway reads to know the service. */
  service: string;
  region?: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sends again once after a failure the backend may not repeat (network, 5xx, throttling). */
  retry?: boolean;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** Marks a call as the gateway's own (its process sends and receives it): signatures of a class's
 *  keys are not asked of it. Random per process, never sent anywhere but to this gateway. */
export const internalCallToken = randomBytes(24).toString('hex');
export const internalCallHeader = 'x-infralabs-internal-call';

/** A kept-alive connection the gateway closed just as a call went out on it. */
class StaleConnection extends Error {}

function sendOnce(call: Call): Promise<Answer> {
  const url = new URL(call.path, call.endpoint);
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const body = call.body ?? '';
  const headers: Record<string, string> = {
    ...call.headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${call.account}/${day}/${call.region ?? 'us-east-1'}/${call.service}/aws4_request, SignedHeaders=host, Signature=0`,
    [internalCallHeader]: internalCallToken,
    'content-length': String(Buffer.byteLength(body)),
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: call.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answerHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answerHeaders[name] = value;
        resolve({ status: response.statusCode ?? 500, headers: answerHeaders, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      reject(outgoing.reusedSocket && error.code === 'ECONNRESET' ? new StaleConnection(error.message) : error);
    });
    outgoing.end(body);
  });
}

/** Sends again at once when the call went out on a connection that had just been closed: the
 *  gateway never read it (the case Node's http.Agent documentation gives for retrying). */
function send(call: Call): Promise<Answer> {
  return sendOnce(call).catch((error: unknown) => {
    if (error instanceof StaleConnection) return sendOnce(call);
    throw error;
  });
}

const xml = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  // EC2 lists are <item>s and query-protocol lists <member>s: always arrays, even of one.
  isArray: (name) => name === 'item' || name === 'member',
});

/** Parsed XML, or {} for an empty body. */
export function parseXml(body: Buffer): Record<string, unknown> {
  return body.length === 0 ? {} : xml.parse(body.toString('utf8')) as Record<string, unknown>;
}

function parseJson(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
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
export async function callAws(call: Call): Promise<Answer> {
  const once = async () => {
    const answer = await send(call);
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
export async function queryApi(endpoint: string, account: string, service: 'ec2' | 'autoscaling', action: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const version = service === 'ec2' ? '2016-11-15' : '2011-01-01';
  const body = new URLSearchParams({ Action: action, Version: version, ...params }).toString();
  const answer = await callAws({
    endpoint, account, service, method: 'POST', path: '/', body,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  return parseXml(answer.body);
}

/** An awsJson 1.1 call (ECS, CloudWatch Logs): the parsed JSON answer. */
export async function jsonApi(
  endpoint: string, account: string, service: 'ecs' | 'logs', target: string, input: unknown,
  options: { region?: string; retry?: boolean } = {},
): Promise<Record<string, unknown>> {
  const answer = await callAws({
    endpoint, account, service, method: 'POST', path: '/', body: JSON.stringify(input), ...options,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
  });
  return parseJson(answer.body);
}

/** An S3 call on a bucket (path style), optionally on a key and a sub-resource such as `website`. */
export function s3Api(
  endpoint: string, account: string, method: string, bucket: string,
  options: { key?: string; subresource?: string; body?: string } = {},
): Promise<Answer> {
  const key = options.key === undefined ? '' : `/${options.key.split('/').map(encodeURIComponent).join('/')}`;
  const headers: Record<string, string> = {};
  // S3 requires a Content-MD5 (or checksum) on configuration PUTs such as PutPublicAccessBlock.
  if (options.body !== undefined) headers['content-md5'] = createHash('md5').update(options.body).digest('base64');
  return callAws({
    endpoint, account, service: 's3', method, headers, body: options.body,
    path: `/${encodeURIComponent(bucket)}${key}${options.subresource ? `?${options.subresource}` : ''}`,
  });
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
