// Recognises an Invoke request and reads its parameters as Lambda's REST API defines them.
// Host-agnostic, as the chain is: S3 event notifications (a rule) read requests with it too.
import { textOf } from '../gateway/bytes.ts';
import type { GatewayRequest } from '../gateway/types.ts';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export interface InvokeRequest {
  /** Function name as moto knows it (no account/region part). */
  name: string;
  qualifier?: string;
  /** Account and region named by an ARN in the path, if one was used. */
  arnAccount?: string;
  arnRegion?: string;
  invocationType: InvocationType;
  tail: boolean;
  clientContext?: unknown;
  /** The caller's X-Ray trace header (X-Amzn-Trace-Id), passed on to the handler. */
  traceHeader?: string;
  payload: Uint8Array;
}

const invokePath = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;
const invokeAsyncPath = /^\/2014-11-13\/functions\/([^/]+)\/invoke-async\/?$/;
// name | account:function:name | arn:partition:lambda:region:account:function:name, each with an optional :qualifier
const functionArn = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const partialArn = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const plainName = /^([^:]+)(?::([^:]+))?$/;

export class InvokeRequestError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function header(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The Invoke request in this HTTP request, or undefined when it is some other call. */
export function parseInvokeRequest(request: GatewayRequest): InvokeRequest | undefined {
  if (request.method !== 'POST') return undefined;
  const match = invokePath.exec(request.path);
  const asyncMatch = match ? undefined : invokeAsyncPath.exec(request.path);
  const rawName = match?.[1] ?? asyncMatch?.[1];
  if (rawName === undefined) return undefined;
  const identifier = decodeURIComponent(rawName);
  let parts: { name: string; qualifier?: string; arnAccount?: string; arnRegion?: string };
  const arn = functionArn.exec(identifier);
  const partial = arn ? undefined : partialArn.exec(identifier);
  const plain = arn || partial ? undefined : plainName.exec(identifier);
  if (arn) parts = { arnRegion: arn[1], arnAccount: arn[2], name: arn[3]!, qualifier: arn[4] };
  else if (partial) parts = { arnAccount: partial[1], name: partial[2]!, qualifier: partial[3] };
  else if (plain) parts = { name: plain[1]!, qualifier: plain[2] };
  else throw new InvokeRequestError(400, 'ValidationException', `1 validation error detected: Value '${identifier}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`);
  const queryQualifier = request.query.get('Qualifier') ?? undefined;
  if (parts.qualifier && queryQualifier && parts.qualifier !== queryQualifier) {
    throw new InvokeRequestError(400, 'InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
  }
  const invocationType = asyncMatch ? 'Event' : (header(request, 'x-amz-invocation-type') ?? 'RequestResponse');
  if (invocationType !== 'RequestResponse' && invocationType !== 'Event' && invocationType !== 'DryRun') {
    throw new InvokeRequestError(400, 'ValidationException', `1 validation error detected: Value '${invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`);
  }
  const logType = header(request, 'x-amz-log-type') ?? 'None';
  if (logType !== 'None' && logType !== 'Tail') {
    throw new InvokeRequestError(400, 'ValidationException', `1 validation error detected: Value '${logType}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]`);
  }
  let clientContext: unknown;
  const rawContext = header(request, 'x-amz-client-context');
  if (rawContext) {
    try {
      clientContext = JSON.parse(textOf(Uint8Array.from(atob(rawContext), (char) => char.charCodeAt(0))));
    } catch {
      throw new InvokeRequestError(400, 'InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.');
    }
  }
  return {
    ...parts,
    qualifier: parts.qualifier ?? queryQualifier,
    invocationType,
    tail: logType === 'Tail' && invocationType === 'RequestResponse',
    clientContext,
    traceHeader: header(request, 'x-amzn-trace-id'),
    payload: request.body,
  };
}

/** The region a signed request was signed for (its SigV4 credential scope). */
export function signedRegion(request: GatewayRequest): string | undefined {
  const authorization = header(request, 'authorization') ?? '';
  return /Credential=[^/,\s]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1];
}
