// Browsers: labs run learner code in a page on another origin than the sandbox, so every
// preflight is answered here (moto routes unsigned OPTIONS as S3 and refuses some), and every
// response lets the page read AWS's headers (request ids, error types, ETags, versions).
import type { RequestHandler, ResponseHandler } from '../types.ts';

const exposedHeaders = [
  'x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-error-message', 'x-amz-request-id', 'x-amz-id-2',
  'x-amz-version-id', 'x-amz-delete-marker', 'x-amz-server-side-encryption', 'x-amz-expiration',
  'x-amz-restore', 'x-amz-website-redirect-location', 'x-amz-storage-class', 'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c', 'x-amz-checksum-sha1', 'x-amz-checksum-sha256', 'x-amz-mp-parts-count',
  'x-amz-bucket-region', 'x-amz-log-result', 'x-amz-function-error', 'x-amz-executed-version',
  'x-amzn-remapped-content-length', 'x-amz-meta-*', 'etag', 'location', 'content-range',
  'content-length', 'content-type', 'content-encoding', 'content-disposition', 'content-language',
  'cache-control', 'expires', 'last-modified', 'accept-ranges', 'date',
].join(', ');

const allowedMethods = 'GET, PUT, POST, DELETE, HEAD, PATCH, OPTIONS';

function originOf(headers: Record<string, string | string[] | undefined>): string {
  const origin = headers['origin'];
  return (Array.isArray(origin) ? origin[0] : origin) || '*';
}

/** Answers every preflight itself, on every path. */
export const answerPreflight: RequestHandler = (exchange) => {
  const { method, headers } = exchange.request;
  if (method !== 'OPTIONS' || !headers['access-control-request-method']) return undefined;
  const requested = headers['access-control-request-headers'];
  const origin = originOf(headers);
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': allowedMethods,
      'access-control-allow-headers': (Array.isArray(requested) ? requested.join(', ') : requested) || '*',
      'access-control-expose-headers': exposedHeaders,
      'access-control-max-age': '86400',
      ...(origin === '*' ? {} : { 'access-control-allow-credentials': 'true', vary: 'Origin' }),
    },
    body: '',
  };
};

/** Every response, whoever produced it, may be read by the page that asked. */
export const addCorsHeaders: ResponseHandler = (exchange, response) => {
  const origin = originOf(exchange.request.headers);
  const headers = { ...response.headers };
  // Our own preflight answer keeps its allow-methods/allow-headers; the backend's CORS headers go.
  const preflight = exchange.request.method === 'OPTIONS' && !!exchange.request.headers['access-control-request-method'];
  if (!preflight) for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
  headers['access-control-allow-origin'] = origin;
  headers['access-control-expose-headers'] = exposedHeaders;
  if (origin !== '*') {
    headers['access-control-allow-credentials'] = 'true';
    headers['vary'] = 'Origin';
  }
  return { ...response, headers };
};
