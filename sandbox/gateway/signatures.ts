// Verifies AWS Signature Version 4 on a request, header or query (presigned URL) form, against the
// secret of its access key: smithy's SignatureV4 (the AWS SDK's own signer) computes the signature
// the request should carry, and the two are compared in constant time. Nothing hand-written about
// canonical requests: the signer that made the request is the one that checks it. smithy's Sha256
// is Node's crypto in Node and WebCrypto in a browser (as in signed-post.ts).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';
import type { GatewayRequest } from './types.ts';

export type Verdict =
  | { ok: true; accessKeyId: string }
  | { ok: false; code: 'MissingAuthenticationToken' | 'IncompleteSignature' | 'InvalidClientTokenId' | 'SignatureDoesNotMatch' | 'RequestExpired'; message: string; accessKeyId?: string };

interface SignedParts {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** Presigned URL: seconds it stays valid. */
  expires?: number;
}

const scopePattern = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;

function header(request: GatewayRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The signature's parts, from the Authorization header or the query; undefined when unsigned,
 *  a string when it is not a SigV4 signature we can read. */
function signedParts(request: GatewayRequest): SignedParts | undefined | string {
  const authorization = header(request, 'authorization');
  if (authorization) {
    const match = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim());
    const scope = match ? scopePattern.exec(match[1]!) : null;
    const date = header(request, 'x-amz-date') ?? '';
    if (!match || !scope || !/^\d{8}T\d{6}Z$/.test(date)) return 'Authorization header requires Credential, SignedHeaders and Signature in AWS Signature Version 4, and an X-Amz-Date header.';
    return { accessKeyId: scope[1]!, date, region: scope[3]!, service: scope[4]!, signedHeaders: match[2]!.split(';'), signature: match[3]! };
  }
  const query = request.query;
  if (!query.has('X-Amz-Signature') && !query.has('X-Amz-Credential')) return undefined;
  const scope = scopePattern.exec(query.get('X-Amz-Credential') ?? '');
  const date = query.get('X-Amz-Date') ?? '';
  const signature = query.get('X-Amz-Signature') ?? '';
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !scope || !/^\d{8}T\d{6}Z$/.test(date) || !/^[0-9a-f]{64}$/.test(signature)) {
    return 'A presigned URL requires X-Amz-Algorithm=AWS4-HMAC-SHA256, X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders and X-Amz-Signature.';
  }
  return {
    accessKeyId: scope[1]!, date, region: scope[3]!, service: scope[4]!, signature,
    signedHeaders: (query.get('X-Amz-SignedHeaders') ?? 'host').split(';'),
    expires: Number(query.get('X-Amz-Expires') ?? 900),
  };
}

function dateOf(stamp: string): Date {
  return new Date(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`);
}

/** The query as the signer reads it: decoded values, repeated keys as lists, minus the signature's own. */
function queryOf(request: GatewayRequest, presigned: boolean): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of request.query) {
    if (presigned && key === 'X-Amz-Signature') continue;
    const earlier = query[key];
    query[key] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return query;
}

/** Whether two hex strings are equal, in a time that does not tell how much of them matched. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Requests signed more than this far from now are refused, as AWS refuses them (15 minutes). */
const allowedSkewMs = 15 * 60 * 1000;

export async function verifySignature(request: GatewayRequest, secretOf: (accessKeyId: string) => string | undefined, now = Date.now()): Promise<Verdict> {
  const parts = signedParts(request);
  if (parts === undefined) return { ok: false, code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token: sign it with the access key and secret your teacher gave you.' };
  if (typeof parts === 'string') return { ok: false, code: 'IncompleteSignature', message: parts };
  const secret = secretOf(parts.accessKeyId);
  if (secret === undefined) return { ok: false, code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', accessKeyId: parts.accessKeyId };
  const signingDate = dateOf(parts.date);
  const presigned = parts.expires !== undefined;
  if (presigned ? now > signingDate.getTime() + parts.expires! * 1000 : Math.abs(now - signingDate.getTime()) > allowedSkewMs) {
    return { ok: false, code: 'RequestExpired', message: `Request has expired (signed at ${parts.date}): sign it again.`, accessKeyId: parts.accessKeyId };
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: parts.accessKeyId, secretAccessKey: secret },
    region: parts.region,
    service: parts.service,
    sha256: Sha256,
    // S3 signs the path as sent; every other service encodes it once more.
    uriEscapePath: parts.service !== 's3',
  });
  const headers: Record<string, string> = {};
  for (const name of parts.signedHeaders) headers[name] = header(request, name) ?? '';
  const toSign = {
    method: request.method,
    protocol: 'http:',
    hostname: (header(request, 'host') ?? '').replace(/:\d+$/, ''),
    path: request.path,
    query: queryOf(request, presigned),
    headers,
    body: request.body,
  };
  const signableHeaders = new Set(parts.signedHeaders);
  let expected: string;
  if (presigned) {
    // presign() puts the X-Amz-* parameters back itself: hand it the query without them.
    const query = Object.fromEntries(Object.entries(toSign.query).filter(([key]) => !/^X-Amz-(Algorithm|Credential|Date|Expires|SignedHeaders|Signature|Security-Token)$/.test(key)));
    const signed = await signer.presign({ ...toSign, query }, { signingDate, expiresIn: parts.expires, signableHeaders, unsignableHeaders: new Set() });
    expected = String((signed.query as Record<string, string>)['X-Amz-Signature'] ?? '');
  } else {
    const signed = await signer.sign(toSign, { signingDate, signableHeaders, unsignableHeaders: new Set() });
    expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
  }
  if (!sameHex(expected, parts.signature)) {
    return { ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.', accessKeyId: parts.accessKeyId };
  }
  return { ok: true, accessKeyId: parts.accessKeyId };
}
