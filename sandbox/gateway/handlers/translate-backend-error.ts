// A backend crash (moto answers 500 with an HTML page) becomes an AWS InternalFailure in the
// protocol the client speaks, naming the service, the operation and the cause, instead of a
// parse error deep inside the SDK.
import { awsError } from '../aws-error.ts';
import { identifyOperation } from '../operation.ts';
import type { Exchange, GatewayResponse, ResponseHandler } from '../types.ts';
import { textOf } from '../bytes.ts';

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The cause: moto's exception (our server.py adds it as a header), else the page's text. */
function causeOf(response: GatewayResponse): string {
  const reported = headerText(response.headers['x-infralabs-backend-error']);
  if (reported) return reported;
  const text = textOf(response.body).replace(/<title>.*?<\/title>/is, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.slice(0, 300) || `HTTP ${response.status}`;
}

function looksLikeHtml(response: GatewayResponse): boolean {
  if (headerText(response.headers['content-type']).includes('text/html')) return true;
  return /^\s*<(!doctype html|html)/i.test(textOf(response.body).slice(0, 100));
}

export function backendFailure(exchange: Exchange, cause: string, status = 500): GatewayResponse {
  const operation = identifyOperation(exchange);
  return awsError(operation.protocol, status, 'InternalFailure',
    `The sandbox backend failed on ${operation.service} ${operation.name}: ${cause}. This is a sandbox limitation, not a mistake in your code; try the call another way or report it.`);
}

/** moto refuses an object call a bucket policy denies with a bare 403 (no body), which the SDK
 *  names "Unknown"; S3 sends an AccessDenied error document (HEAD responses have no body there either). */
function isBareS3Denial(exchange: Exchange, response: GatewayResponse): boolean {
  return response.status === 403 && exchange.request.method !== 'HEAD' && response.body.length === 0
    && identifyOperation(exchange).protocol === 'rest-xml';
}

/** A call the backend has no operation for, in the words AWS uses for one. moto raises
 *  OperationNotFoundError for an unknown Action or target, and answers 404 for an unknown REST path. */
function unknownOperation(exchange: Exchange, response: GatewayResponse): GatewayResponse | undefined {
  const operation = identifyOperation(exchange);
  const notFound = /^OperationNotFoundError/.test(headerText(response.headers['x-infralabs-backend-error']));
  if (notFound && (operation.protocol === 'query' || operation.protocol === 'ec2')) {
    return awsError(operation.protocol, 400, 'InvalidAction', `The action ${operation.name} is not valid for this web service.`);
  }
  if (notFound && operation.protocol === 'json') return awsError('json', 400, 'UnknownOperationException', `${operation.name} is not an operation of ${operation.service}.`);
  if (response.status === 404 && operation.protocol === 'rest-json' && looksLikeHtml(response)) {
    return awsError('rest-json', 404, 'UnknownOperationException', `${exchange.request.method} ${exchange.request.path} is not an operation of ${operation.service}.`);
  }
  return undefined;
}

export const translateBackendError: ResponseHandler = (exchange, response) => {
  if (isBareS3Denial(exchange, response)) return awsError('rest-xml', 403, 'AccessDenied', 'Access Denied');
  const unknown = unknownOperation(exchange, response);
  if (unknown) return unknown;
  if (response.status < 500 || !looksLikeHtml(response)) return response;
  return backendFailure(exchange, causeOf(response), response.status === 501 ? 501 : 500);
};
