import { beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import {
  S3Client, CreateBucketCommand, PutBucketWebsiteCommand, PutObjectCommand, PutBucketPolicyCommand,
  PutPublicAccessBlockCommand, DeletePublicAccessBlockCommand, DeleteObjectCommand, DeleteBucketCommand,
} from '@aws-sdk/client-s3';
import { clientConfig, freshAccount, testEndpoint } from '../../../test/sandbox-context.ts';

const account = freshAccount();
const s3 = new S3Client(clientConfig(account));
const site = `site-${account}`;

/** GET through the path route, the way the grader reads a website. */
async function visit(bucket: string, key = '') {
  const response = await fetch(`${testEndpoint()}/_infralabs/website/${bucket}/${key}`, { redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text(), location: response.headers.get('location') };
}

/** GET by Host header, as a browser at http://<bucket>.s3-website.localhost:<port>/ does. */
function visitByHost(bucket: string, path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(testEndpoint());
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host: `${bucket}.s3-website.localhost:${port}` } }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

async function makePublic(bucket: string) {
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }) }));
}

beforeAll(async () => {
  await s3.send(new CreateBucketCommand({ Bucket: site }));
  await s3.send(new PutBucketWebsiteCommand({ Bucket: site, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
  await s3.send(new PutObjectCommand({ Bucket: site, Key: 'index.html', Body: '<h1>home</h1>', ContentType: 'text/html' }));
  await s3.send(new PutObjectCommand({ Bucket: site, Key: 'error.html', Body: '<h1>oops</h1>', ContentType: 'text/html; charset=utf-8' }));
  await s3.send(new PutObjectCommand({ Bucket: site, Key: 'docs/index.html', Body: 'docs home', ContentType: 'text/html' }));
  await s3.send(new PutObjectCommand({ Bucket: site, Key: 'style.css', Body: 'h1{}', ContentType: 'text/css' }));
});

describe('S3 website hosting', () => {
  it('answers 403 AccessDenied while the bucket is not public (new buckets block public access)', async () => {
    const page = await visit(site);
    expect(page.status).toBe(403);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('Code: AccessDenied');
  });

  it('serves the index document for / and dir/, objects with their content type, the error document with 404', async () => {
    await makePublic(site);
    expect(await visit(site)).toMatchObject({ status: 200, type: 'text/html', body: '<h1>home</h1>' });
    expect(await visit(site, 'docs/')).toMatchObject({ status: 200, body: 'docs home' });
    expect(await visit(site, 'style.css')).toMatchObject({ status: 200, type: 'text/css', body: 'h1{}' });
    expect(await visit(site, 'missing.html')).toMatchObject({ status: 404, type: 'text/html; charset=utf-8', body: '<h1>oops</h1>' });
    expect(await visit(site, 'docs')).toMatchObject({ status: 302, location: '/docs/' });
  });

  it('keeps serving page after page: the documents it reads and does not serve are read whole, so no connection stays taken', async () => {
    for (let i = 0; i < 60; i++) expect((await visit(site)).status).toBe(200);
  });

  it('routes http://<bucket>.s3-website.localhost by its Host header', async () => {
    expect(await visitByHost(site, '/')).toEqual({ status: 200, body: '<h1>home</h1>' });
    expect((await visitByHost(site, '/nope')).status).toBe(404);
  });

  it('answers 403 when RestrictPublicBuckets is turned back on', async () => {
    const bucket = `restrict-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: 'hi', ContentType: 'text/html' }));
    await makePublic(bucket);
    expect((await visit(bucket)).status).toBe(200);
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true } }));
    expect((await visit(bucket)).status).toBe(403);
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    expect((await visit(bucket)).status).toBe(200);
  });

  it('keeps serving when BlockPublicPolicy is turned back on: it refuses new public policies, not the one in place', async () => {
    const bucket = `blockpolicy-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: 'hi', ContentType: 'text/html' }));
    await makePublic(bucket);
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false } }));
    expect(await visit(bucket)).toMatchObject({ status: 200, body: 'hi' });
  });

  it('answers 404 NoSuchWebsiteConfiguration and NoSuchBucket', async () => {
    const plain = `plain-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: plain }));
    const page = await visit(plain);
    expect(page.status).toBe(404);
    expect(page.body).toContain('NoSuchWebsiteConfiguration');
    expect((await visit(`nothing-here-${account}`)).body).toContain('NoSuchBucket');
  });

  it('follows a bucket name to its new owner once the old one deleted it', async () => {
    const bucket = `moved-${account}`;
    const publish = async (client: S3Client, body: string) => {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      await client.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: body, ContentType: 'text/html' }));
      await client.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
      await client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }) }));
    };
    await publish(s3, 'first owner');
    expect(await visit(bucket)).toMatchObject({ status: 200, body: 'first owner' });
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'index.html' }));
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    expect((await visit(bucket)).body).toContain('NoSuchBucket');
    await publish(new S3Client(clientConfig(freshAccount())), 'second owner');
    expect(await visit(bucket)).toMatchObject({ status: 200, body: 'second owner' });
  });
});

describe('website error pages', () => {
  it('escape the bucket and key they echo, so a crafted link cannot run script there', async () => {
    const plain = `plain-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: plain }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: plain, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await makePublic(plain);
    const byKey = await visit(plain, '%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(byKey.status).toBe(404);
    expect(byKey.body).not.toContain('<script>');
    expect(byKey.body).toContain('&lt;script&gt;');
    const byHost = await visitByHost('<img src=x onerror=alert(1)>', '/');
    expect(byHost.body).not.toContain('<img');
    expect(byHost.body).toContain('&lt;img');
  });
});

describe('a bucket policy\'s conditions on the visitor', () => {
  const policyOf = (bucket: string, condition: object) => JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*`, Condition: condition }],
  });
  const withHeaders = async (bucket: string, headers: Record<string, string>) =>
    (await fetch(`${testEndpoint()}/_infralabs/website/${bucket}/`, { headers })).status;

  it('aws:Referer: pages linked from the allowed site are served, others refused', async () => {
    const bucket = `referer-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: 'linked', ContentType: 'text/html' }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policyOf(bucket, { StringLike: { 'aws:Referer': 'http://shop.example/*' } }) }));
    expect(await withHeaders(bucket, { referer: 'http://shop.example/products' })).toBe(200);
    expect(await withHeaders(bucket, { referer: 'http://elsewhere.example/' })).toBe(403);
    expect(await withHeaders(bucket, {})).toBe(403);
  });

  it('aws:SourceIp: the connection\'s address is what the condition sees', async () => {
    const bucket = `source-ip-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: 'office only', ContentType: 'text/html' }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
    // The tests reach the sandbox from loopback.
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policyOf(bucket, { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } }) }));
    expect(await withHeaders(bucket, {})).toBe(200);
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policyOf(bucket, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }) }));
    expect(await withHeaders(bucket, {})).toBe(403);
  });
});
