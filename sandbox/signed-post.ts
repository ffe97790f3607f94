// A POST to the sandbox signed with SigV4, as the AWS SDK signs its calls: a class sandbox verifies
// every request against the roster's keys, its own reset route too (service `infralabs`). Loaded
// only when something is signed, as the signer takes a while to load. Browser-safe: the lab page
// signs its resets with it too (smithy's Sha256 is Node's crypto in Node, WebCrypto in a browser,
// and pure JavaScript where a page over plain http has no WebCrypto).
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';

/** A roster key: the 12-digit account is the access key id. */
export interface AccessKey {
  accessKeyId: string;
  secret: string;
}

export interface SignedPost {
  /** The signing name: `infralabs` for the sandbox's own routes, else the AWS service's (`sts`). */
  service: string;
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
}

export async function signedPost(url: string, key: AccessKey, { service, headers, body, signal }: SignedPost): Promise<Response> {
  const target = new URL(url);
  const signer = new SignatureV4({ credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secret }, region: 'us-east-1', service, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port ? Number(target.port) : undefined,
    path: target.pathname,
    query: {},
    headers: { host: target.host, ...headers },
    body,
  });
  // fetch sets Host itself (a browser refuses to), to the same value.
  const { host: _host, ...sent } = signed.headers as Record<string, string>;
  return fetch(target, { method: 'POST', headers: sent, body, signal });
}
