// S3 static website hosting: http://<bucket>.s3-website.localhost:<port>/ (by Host header), and
// the same at /_infralabs/website/<bucket>/<key> for clients that cannot resolve *.localhost.
// Everything is read through the backend's S3 API in the owner's account, like a visitor's
// anonymous request: website configuration, public access block, bucket policy, objects.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html
import { parseXml, s3Api, type Answer } from '../aws-api.ts';
import { escapeXml } from '../aws-error.ts';
import { bucketOwner } from '../bucket-owners.ts';
import { allowsPublicRead } from '../rules/bucket-policy.ts';
import type { RequestContext } from '../../../policy/evaluate.ts';
import type { GatewayContext, GatewayRequest, GatewayResponse, RequestHandler } from '../types.ts';
import { noBytes, textOf } from '../bytes.ts';

const hostPattern = /^(.+)\.s3-website(?:[.-][a-z0-9-]+)?\.localhost(?::\d+)?$/i;
const pathPrefix = '/_infralabs/website/';

/** AWS's website error page: HTML with the code and message as a list. */
function errorPage(status: number, code: string, message: string, extra: Record<string, string> = {}): GatewayResponse {
  const title = `${status} ${status === 403 ? 'Forbidden' : 'Not Found'}`;
  const items = { Code: code, Message: message, ...extra, RequestId: crypto.randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase() };
  // The bucket and key come from the request: escaped, so a crafted link cannot put a script here.
  const list = Object.entries(items).map(([name, value]) => `<li>${name}: ${escapeXml(value)}</li>`).join('\n');
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<ul>\n${list}\n</ul>\n<hr/>\n</body>\n</html>\n`,
  };
}

function target(host: string, path: string): { bucket: string; key: string } | undefined {
  if (path.startsWith(pathPrefix)) {
    const rest = path.slice(pathPrefix.length);
    const slash = rest.indexOf('/');
    return slash === -1 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
  }
  const match = hostPattern.exec(host);
  return match ? { bucket: match[1]!, key: path.replace(/^\//, '') } : undefined;
}

/** `/dir/` for key `dir`, percent-encoded (a header cannot carry a raw line break) and never
 *  `//host/`, which a browser would follow to another site. */
function folderLocation(key: string): string {
  const location = `/${key.split('/').map(encodeURIComponent).join('/')}/`;
  return location.startsWith('//') ? `/%2F${location.slice(2)}` : location;
}

interface WebsiteConfiguration { IndexDocument?: { Suffix?: string }; ErrorDocument?: { Key?: string } }
type Website =
  | { page: GatewayResponse; owner?: undefined; website?: undefined }
  | { page?: undefined; owner: string; website: WebsiteConfiguration };

/** The bucket's website configuration, read in its owner's account, or the error page to answer. */
async function websiteOf(gateway: GatewayContext, bucket: string, fresh = false): Promise<Website> {
  const { owner, remembered } = await bucketOwner(gateway, bucket, fresh);
  try {
    const answer = await s3Api(gateway, owner, 'GET', bucket, { subresource: 'website' });
    return { owner, website: (parseXml(answer.body)['WebsiteConfiguration'] ?? {}) as WebsiteConfiguration };
  } catch (error) {
    const name = (error as Error).name;
    // A remembered owner may be stale (the bucket was deleted, or is now another account's).
    if (remembered && name !== 'NoSuchWebsiteConfiguration') return websiteOf(gateway, bucket, true);
    if (name === 'NoSuchBucket') return { page: errorPage(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket }) };
    return { page: errorPage(404, 'NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', { BucketName: bucket }) };
  }
}

async function serve(gateway: GatewayContext, bucket: string, rawKey: string, head: boolean, visitor: RequestContext): Promise<GatewayResponse> {
  const found = await websiteOf(gateway, bucket);
  if (found.page) return found.page;
  const { owner, website } = found;
  const read = (options: Parameters<typeof s3Api>[4]) => s3Api(gateway, owner, 'GET', bucket, options);
  const index = website.IndexDocument?.Suffix ?? 'index.html';
  const errorKey = website.ErrorDocument?.Key;
  const key = decodeURIComponent(rawKey);
  const wanted = key === '' || key.endsWith('/') ? `${key}${index}` : key;
  const folderIndex = key !== '' && !key.endsWith('/') ? `${key}/${index}` : undefined;

  /** The object, or undefined when it is missing or the backend refuses it (a Deny statement). */
  const fetchObject = (objectKey: string | undefined) =>
    objectKey === undefined ? undefined : read({ key: objectKey }).catch(() => undefined);
  const toResponse = (status: number, object: Answer): GatewayResponse => {
    const headers: Record<string, string> = { 'content-type': object.headers['content-type'] ?? 'binary/octet-stream' };
    if (object.headers['etag']) headers['etag'] = object.headers['etag'];
    if (object.headers['last-modified']) headers['last-modified'] = object.headers['last-modified'];
    return { status, headers, body: head ? noBytes : object.body };
  };

  // Everything a page may need is read at once (one round trip after the configuration); what a
  // visitor gets is decided from it afterwards. A visitor is anonymous: the public access block and
  // the bucket policy decide, as on AWS.
  const [block, policy, page, folderPage, errorDocument] = await Promise.all([
    read({ subresource: 'publicAccessBlock' })
      .then((answer) => parseXml(answer.body)['PublicAccessBlockConfiguration'] as Record<string, unknown> | undefined)
      .catch(() => undefined),
    read({ subresource: 'policy' }).then((answer) => textOf(answer.body)).catch(() => ''),
    fetchObject(wanted),
    fetchObject(folderIndex),
    fetchObject(errorKey),
  ]);
  // Only RestrictPublicBuckets stops a public policy that is in place; BlockPublicPolicy refuses
  // new public policies (PutBucketPolicy) but leaves an existing one working, and the ACL flags
  // concern ACLs, which are not modelled.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options
  const readable = (objectKey: string) => block?.['RestrictPublicBuckets'] !== 'true' && allowsPublicRead(policy, bucket, objectKey, visitor);
  if (!readable(wanted)) return errorPage(403, 'AccessDenied', 'Access Denied');
  if (page) return toResponse(200, page);
  // AWS redirects /dir to /dir/ when dir/index.html exists.
  if (folderPage) return { status: 302, headers: { location: folderLocation(key) }, body: '' };
  if (errorKey && errorDocument && readable(errorKey)) return toResponse(404, errorDocument);
  return errorPage(404, 'NoSuchKey', 'The specified key does not exist.', { Key: wanted });
}

/** Whether a request is addressed to the website endpoint (by host name or path). */
export function isWebsiteRequest(host: string, path: string): boolean {
  return target(host, path) !== undefined;
}

export const serveWebsite: RequestHandler = (exchange, gateway) => {
  const { method, path, headers } = exchange.request;
  const host = String(headers['host'] ?? '');
  const site = target(host, path);
  if (!site) return undefined;
  if (method !== 'GET' && method !== 'HEAD') return errorPage(405, 'MethodNotAllowed', `The specified method is not allowed against this resource: ${method}`);
  return serve(gateway, site.bucket, site.key, method === 'HEAD', visitorOf(exchange.request));
};

/** What a visitor's request tells a bucket policy's conditions: a policy that allows only pages
 *  linked from the learner's own site (aws:Referer), or only some addresses (aws:SourceIp), judges
 *  the request as S3 would. A key the request lacks stays absent, so its condition fails, as on AWS. */
function visitorOf(request: GatewayRequest): RequestContext {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const context: RequestContext = {};
  const referer = header('referer');
  const userAgent = header('user-agent');
  if (referer) context['aws:Referer'] = referer;
  if (userAgent) context['aws:UserAgent'] = userAgent;
  if (request.remoteAddress) context['aws:SourceIp'] = request.remoteAddress;
  return context;
}
