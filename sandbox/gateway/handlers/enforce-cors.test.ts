import { describe, expect, it } from 'vitest';
import { testEndpoint } from '../../../test/sandbox-context.ts';

const origin = 'http://localhost:4321';
const paths = ['/', '/2015-03-31/functions/', '/2015-03-31/functions/hello-fn/invocations', '/clusters', '/some-bucket', '/some-bucket/some/key.html', '/_infralabs/health'];

describe('CORS', () => {
  it.each(paths)('answers the preflight on %s with the origin, methods and requested headers', async (path) => {
    const response = await fetch(`${testEndpoint()}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-amz-date,x-amz-content-sha256,amz-sdk-invocation-id' },
    });
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
