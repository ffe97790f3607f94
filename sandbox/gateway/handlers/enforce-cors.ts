// Browsers: lab pages run learner code on the site's origin, not the sandbox's, so the sandbox
// answers CORS, but only for the site's own origins (access.ts): any other page the learner visits
// could otherwise drive the sandbox, and through Lambda run code on the machine. A browser's
// request from elsewhere is refused outright, preflighted or not (a form POST or an image needs no
// preflight): only public reads (website pages, health) are served to any page, and without CORS
// headers, so that page cannot read them either.
import { originAllowed } from '../access.ts';
import { isWebsiteRequest } from './serve-website.ts';
import type { Exchange, GatewayResponse, RequestHandler, ResponseHandler } from '../types.ts';

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

function headerOf(exchange: Exchange, name: string): string | undefined {
  const value = exchange.request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isPreflight(exchange: Exchange): boolean {
  return exchange.request.method === 'OPTIONS' && !!exchange.request.headers['access-control-request-method'];
}

/** What any page may read (without being able to see the answer): website pages and health. */
function isPublicRead(exchange: Exchange): boolean {
  const { method, path } = exchange.request;
  if (method !== 'GET' && method !== 'HEAD') return false;
  return path === '/_infralabs/health' || isWebsiteRequest(headerOf(exchange, 'host') ?? '', path);
}

function refusal(origin: string | undefined): GatewayResponse {
  const from = origin ? `pages on ${origin}` : 'pages on other sites';
  return {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: `The Infra Labs sandbox does not answer ${from}: start it with --allow-origin <origin> (or INFRALABS_ALLOW_ORIGINS) to let a site you trust use it.\n`,
  };
}

/** Answers every preflight itself, on every path: for the allowed origins only. */
export const answerPreflight: RequestHandler = (exchange, { access }) => {
  if (!isPreflight(exchange)) return undefined;
  const origin = headerOf(exchange, 'origin');
  if (!originAllowed(origin, access)) return refusal(origin);
  const requested = exchange.request.headers['access-control-request-headers'];
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': allowedMethods,
      'access-control-allow-headers': (Array.isArray(requested) ? requested.join(', ') : requested) || '*',
      'access-control-expose-headers': exposedHeaders,
      'access-control-max-age': '86400',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    },
    body: '',
  };
};

/** A browser's request from a page that is not the site's is refused, save public reads. The CLI,
 *  the SDK in Node and Lambda handlers send neither Origin nor Sec-Fetch-Site; a browser always
 *  sends one of them (Sec-Fetch-Site is `none` only for what the user typed or bookmarked). */
export const refuseForeignCallers: RequestHandler = (exchange, { access }) => {
  const origin = headerOf(exchange, 'origin');
  if (originAllowed(origin, access)) return undefined;
  const site = headerOf(exchange, 'sec-fetch-site');
  const fromPage = origin !== undefined || (site !== undefined && site !== 'none');
  if (!fromPage || isPublicRead(exchange)) return undefined;
  return refusal(origin);
};

/** Responses to the site's pages may be read by them; no other page gets CORS headers, and the
 *  backend's own (moto's flask-cors allows every origin) never pass. */
export const addCorsHeaders: ResponseHandler = (exchange, response, { access }) => {
  const headers = { ...response.headers };
  if (!isPreflight(exchange)) for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
  const origin = headerOf(exchange, 'origin');
  if (!originAllowed(origin, access)) return { ...response, headers };
  headers['access-control-allow-origin'] = origin;
  headers['access-control-expose-headers'] = exposedHeaders;
  headers['access-control-allow-credentials'] = 'true';
  headers['vary'] = 'Origin';
  return { ...response, headers };
};
