// With an external backend the gateway runs nothing itself: Invoke goes to that backend.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startSandbox, type RunningSandbox } from '../sandbox.ts';

let backend: Server;
let sandbox: RunningSandbox;
const seen: string[] = [];

beforeAll(async () => {
  // Stands in for an AWS-compatible endpoint; it only records what reaches it.
  backend = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
    response.end('"from the external backend"');
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  sandbox = await startSandbox({ port: 0, backendUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => backend?.close(resolve));
});

describe('Invoke with an external backend', () => {
  it('is forwarded to the backend', async () => {
    const lambda = new LambdaClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: '123123123123', secretAccessKey: 'x' } });
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'anything', Payload: '{}' }));
    expect(Buffer.from(out.Payload!).toString()).toBe('"from the external backend"');
    expect(seen).toContain('POST /2015-03-31/functions/anything/invocations');
  });
});
