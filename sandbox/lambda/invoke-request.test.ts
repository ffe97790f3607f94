// Reading Invoke's parameters from the HTTP request, alone.
import { describe, expect, it } from 'vitest';
import type { GatewayRequest } from '../gateway/types.ts';
import { InvokeRequestError, parseInvokeRequest, signedRegion } from './invoke-request.ts';

function request(path: string, headers: Record<string, string> = {}, search = ''): GatewayRequest {
  return { method: 'POST', path, search, query: new URLSearchParams(search), headers, body: Buffer.from('{}') };
}

describe('parseInvokeRequest', () => {
  it('reads names, full and partial ARNs, and qualifiers', () => {
    expect(parseInvokeRequest(request('/2015-03-31/functions/hello/invocations'))).toMatchObject({ name: 'hello', qualifier: undefined, invocationType: 'RequestResponse', tail: false });
    expect(parseInvokeRequest(request('/2015-03-31/functions/hello/invocations', {}, 'Qualifier=live'))).toMatchObject({ name: 'hello', qualifier: 'live' });
    expect(parseInvokeRequest(request(`/2015-03-31/functions/${encodeURIComponent('arn:aws:lambda:eu-west-1:123456789012:function:hello:2')}/invocations`)))
      .toMatchObject({ name: 'hello', qualifier: '2', arnAccount: '123456789012', arnRegion: 'eu-west-1' });
    expect(parseInvokeRequest(request('/2015-03-31/functions/123456789012%3Afunction%3Ahello/invocations'))).toMatchObject({ name: 'hello', arnAccount: '123456789012' });
    expect(parseInvokeRequest(request('/2014-11-13/functions/hello/invoke-async/'))).toMatchObject({ name: 'hello', invocationType: 'Event' });
  });

  it('reads the invocation and log types and the client context', () => {
    const context = Buffer.from(JSON.stringify({ custom: { a: 1 } })).toString('base64');
    expect(parseInvokeRequest(request('/2015-03-31/functions/f/invocations', { 'x-amz-invocation-type': 'Event', 'x-amz-log-type': 'Tail' })))
      .toMatchObject({ invocationType: 'Event', tail: false });
    expect(parseInvokeRequest(request('/2015-03-31/functions/f/invocations', { 'x-amz-log-type': 'Tail', 'x-amz-client-context': context })))
      .toMatchObject({ tail: true, clientContext: { custom: { a: 1 } } });
  });

  it('passes on other requests and refuses contradictions', () => {
    expect(parseInvokeRequest({ ...request('/2015-03-31/functions/f/invocations'), method: 'GET' })).toBeUndefined();
    expect(parseInvokeRequest(request('/2015-03-31/functions/f'))).toBeUndefined();
    expect(() => parseInvokeRequest(request('/2015-03-31/functions/f%3A1/invocations', {}, 'Qualifier=2'))).toThrow(InvokeRequestError);
    expect(() => parseInvokeRequest(request('/2015-03-31/functions/f/invocations', { 'x-amz-invocation-type': 'Later' }))).toThrow(/invocationType/);
  });

  it('finds the region of the signature', () => {
    expect(signedRegion(request('/', { authorization: 'AWS4-HMAC-SHA256 Credential=123456789012/20260101/ap-northeast-2/lambda/aws4_request, SignedHeaders=host' }))).toBe('ap-northeast-2');
    expect(signedRegion(request('/'))).toBeUndefined();
  });
});
