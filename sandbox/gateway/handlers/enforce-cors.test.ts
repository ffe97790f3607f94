import { describe, expect, it } from 'vitest';
import { S3Client, CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { clientConfig, freshAccount, testEndpoint } from '../../../test/sandbox-context.ts';
import { rawRequest } from '../../../test/raw-request.ts';

const origin = 'http://localhost:4321';
const foreign = 'https://evil.example';
const paths = ['/', '/2015-03-31/functions/', '/2015-03-31/functions/hello-fn/invocations', '/clusters', '/some-bucket', '/some-bucket/some/key.html', '/_infralabs/health', '/_infralabs/reset'];
const preflightHeaders = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-amz-date,x-amz-content-sha256,amz-sdk-invocation-id' };

function corsHeadersOf(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS for the site', () => {
  it.each(paths)('answers the preflight on %s with the origin, methods and requested headers', async (path) => {
    const response = await fetch(`${testEndpoint()}${path}`, { method: 'OPTIONS', headers: { origin, ...preflightHeaders } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('amz-sdk-invocation-id');
    // Without Max-Age Chromium keeps a preflight 5 s, so a lab page would send one before most SDK
    // calls; it caps the value at 2 h, which this must reach.
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(7200);
  });

  it('lets the page read AWS response headers on successes and errors', async () => {
    for (const path of ['/_infralabs/health', `/no-such-bucket-${Date.now()}`]) {
      const response = await fetch(`${testEndpoint()}${path}`, { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      const exposed = response.headers.get('access-control-expose-headers') ?? '';
      for (const name of ['x-amzn-requestid', 'x-amzn-errortype', 'x-amz-request-id', 'x-amz-id-2', 'x-amz-version-id', 'x-amz-delete-marker', 'etag', 'location', 'content-range']) {
        expect(exposed).toContain(name);
      }
    }
  });
});

describe('a page on another origin', () => {
  it.each(paths)('gets its preflight on %s refused, with no CORS headers', async (path) => {
    for (const from of [foreign, 'null', 'http://localhost:4322', 'http://localhost.evil.example:4321']) {
      const response = await fetch(`${testEndpoint()}${path}`, { method: 'OPTIONS', headers: { origin: from, ...preflightHeaders } });
      expect(response.status).toBe(403);
      expect(corsHeadersOf(response)).toEqual([]);
    }
  });

  it('has its simple requests refused before they act: a query API form, an invoke, a reset', async () => {
    const account = freshAccount();
    const s3 = new S3Client(clientConfig(account));
    await s3.send(new CreateBucketCommand({ Bucket: `kept-${account}` }));
    const attempts: [string, string, string][] = [
      ['/', 'application/x-www-form-urlencoded', 'Action=RunInstances&ImageId=ami-12c6146b&MinCount=1&MaxCount=1&Version=2016-11-15'],
      ['/2015-03-31/functions/any-fn/invocations', 'text/plain', '{}'],
      ['/_infralabs/reset', 'text/plain', JSON.stringify({ account })],
      ['/_infralabs/reset', 'text/plain', JSON.stringify({ all: true })],
    ];
    for (const [path, type, body] of attempts) {
      const response = await fetch(`${testEndpoint()}${path}`, { method: 'POST', headers: { origin: foreign, 'content-type': type }, body });
      expect(response.status, path).toBe(403);
      expect(corsHeadersOf(response), path).toEqual([]);
      expect(await response.text()).toMatch(/--allow-origin/);
    }
    // The reset did not happen: the account still has its bucket.
    await expect(s3.send(new HeadBucketCommand({ Bucket: `kept-${account}` }))).resolves.toBeDefined();
  });

  it('cannot use a request that carries no Origin either (an image, a link): Sec-Fetch-Site tells', async () => {
    for (const site of ['cross-site', 'same-site', 'same-origin']) {
      const response = await fetch(`${testEndpoint()}/?Action=DescribeInstances&Version=2016-11-15`, { headers: { 'sec-fetch-site': site } });
      expect(response.status, site).toBe(403);
    }
    // What the learner types in the address bar is theirs.
    const typed = await fetch(`${testEndpoint()}/_infralabs/health`, { headers: { 'sec-fetch-site': 'none' } });
    expect(typed.status).toBe(200);
  });

  it('may load public pages (health, websites) but gets no CORS headers to read them', async () => {
    const health = await fetch(`${testEndpoint()}/_infralabs/health`, { headers: { origin: foreign } });
    expect(health.status).toBe(200);
    expect(corsHeadersOf(health)).toEqual([]);
    const website = await fetch(`${testEndpoint()}/_infralabs/website/no-such-bucket-${Date.now()}/`, { headers: { origin: foreign } });
    expect(website.status).toBe(404);
    expect(corsHeadersOf(website)).toEqual([]);
  });
});

describe('host names (DNS rebinding)', () => {
  it('refuses a request addressed to any other name before it acts', async () => {
    for (const host of ['attacker.example', 'attacker.example:4566', 'localhost.', '127.0.0.1.nip.io', 'localhost.attacker.example', '192.168.1.20', undefined]) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(host === undefined ? {} : { host }) };
      const response = await rawRequest(testEndpoint(), { method: 'POST', path: '/_infralabs/reset', headers, body: '{"all":true}' });
      // No Host at all is a malformed HTTP/1.1 request, which Node's server itself refuses.
      expect(response.status, String(host)).toBe(host === undefined ? 400 : 403);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers its own names: localhost, 127.0.0.1, [::1] and website names', async () => {
    const port = new URL(testEndpoint()).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await rawRequest(testEndpoint(), { path: '/_infralabs/health', headers: { host } })).status, host).toBe(200);
    }
    const website = await rawRequest(testEndpoint(), { path: '/', headers: { host: `no-such-bucket-${Date.now()}.s3-website.localhost:${port}` } });
    expect(website.status).toBe(404);
  });
});
