// A host other than the Node server runs the same chain: here, one with no HTTP at all, whose
// backend is an object answering in-process (as moto in Pyodide will in a browser worker). The
// fake backend only records what reaches it; what the chain and AWS do is tested through the real
// sandbox everywhere else.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend.ts';
import { accessRules } from './access.ts';
import { answerOf, list, queryApi } from './aws-api.ts';
import { textOf } from './bytes.ts';
import { classCredentials } from './credentials.ts';
import { handle } from './dispatch.ts';
import type { BackendRequest, BackendResponse, GatewayContext, GatewayRequest } from './types.ts';

const account = '123456789012';
const vpcs = '<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-in-process</vpcId></item></vpcSet></DescribeVpcsResponse>';

function inProcessBackend(answer: (request: BackendRequest) => BackendResponse): Backend & { seen: BackendRequest[] } {
  const seen: BackendRequest[] = [];
  return {
    kind: 'moto', name: 'in-process', ourLambda: true, seen,
    url: () => 'in-process:',
    headers: () => ({}),
    forward: async (request) => {
      seen.push(request);
      return answer(request);
    },
    version: async () => 'test',
    ready: async () => true,
    stop: async () => {},
    bucketOwner: async () => undefined,
    noteBucket: () => {},
    reset: async () => false,
  };
}

const xmlAnswer = (body: string): BackendResponse => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: new TextEncoder().encode(body) });

function gatewayOf(backend: Backend, extra: Partial<GatewayContext> = {}): GatewayContext {
  return { backend, endpoint: 'in-process:', log: () => {}, access: accessRules(), ...extra };
}

function request(method: string, path: string, headers: Record<string, string>, body = ''): GatewayRequest {
  const [pathname, search = ''] = path.split('?');
  return { method, path: pathname!, search, query: new URLSearchParams(search), headers: { host: 'localhost:4566', ...headers }, body: new TextEncoder().encode(body) };
}

const signedBy = (key: string, service: string) => `AWS4-HMAC-SHA256 Credential=${key}/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;

describe('the chain in a host without HTTP', () => {
  it('hands a learner\'s call to the backend object in the account its key names, with the answer through the response handlers', async () => {
    const backend = inProcessBackend(() => xmlAnswer(vpcs));
    const origin = 'http://localhost:4321';
    const response = await handle({
      request: request('POST', '/', { authorization: signedBy(account, 'ec2'), 'content-type': 'application/x-www-form-urlencoded', origin }, 'Action=DescribeVpcs&Version=2016-11-15'),
      account: '',
    }, gatewayOf(backend));
    expect(response.status).toBe(200);
    expect(textOf(response.body)).toContain('vpc-in-process');
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    const [forwarded] = backend.seen;
    expect(forwarded?.headers['x-moto-account-id']).toBe(account);
    expect(forwarded?.body).toBeInstanceOf(Uint8Array);
    expect(textOf(forwarded!.body)).toBe('Action=DescribeVpcs&Version=2016-11-15');
  });

  it('runs the gateway\'s own calls through the chain in-process, in the account asked for', async () => {
    const backend = inProcessBackend(() => xmlAnswer(vpcs));
    const answer = answerOf(await queryApi(gatewayOf(backend), account, 'ec2', 'DescribeVpcs', {}), 'DescribeVpcs');
    expect(list(answer['vpcSet'])[0]?.['vpcId']).toBe('vpc-in-process');
    expect(backend.seen).toHaveLength(1);
    expect(backend.seen[0]?.headers['x-moto-account-id']).toBe(account);
  });

  it('lets the gateway\'s own calls past a class\'s signature check, and no outside request', async () => {
    const backend = inProcessBackend(() => xmlAnswer(vpcs));
    const credentials = classCredentials([{ account, secret: 'student-secret' }], { account: '999999999999', secret: 'teacher-secret' });
    const gateway = gatewayOf(backend, { credentials });
    await queryApi(gateway, account, 'ec2', 'DescribeVpcs', {});
    expect(backend.seen).toHaveLength(1);
    // A made-up signature, and a header with the old internal-call token's name: refused.
    const outside = await handle({
      request: request('POST', '/', { authorization: signedBy(account, 'ec2'), 'x-infralabs-internal-call': 'anything', 'content-type': 'application/x-www-form-urlencoded' }, 'Action=DescribeVpcs&Version=2016-11-15'),
      account: '',
    }, gateway);
    expect(outside.status).toBe(403);
    expect(backend.seen).toHaveLength(1);
  });

  it('passes Invoke to the backend when the host has no Lambda runner', async () => {
    const backend = inProcessBackend(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('"from the backend"') }));
    const response = await handle({
      request: request('POST', '/2015-03-31/functions/hello/invocations', { authorization: signedBy(account, 'lambda') }, '{}'),
      account: '',
    }, gatewayOf(backend));
    expect(textOf(response.body)).toBe('"from the backend"');
    expect(backend.seen[0]?.path).toBe('/2015-03-31/functions/hello/invocations');
  });
});
