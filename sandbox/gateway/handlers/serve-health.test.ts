import { describe, expect, it } from 'vitest';
import { testEndpoint } from '../../../test/sandbox-context.ts';
import { startSandbox } from '../../sandbox.ts';

describe('GET /_infralabs/health', () => {
  it('names the backend and its version and says it is ready', async () => {
    const response = await fetch(`${testEndpoint()}/_infralabs/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'infralabs-sandbox', backend: 'moto', name: 'moto', lambda: 'ours', version: '5.2.5', ready: true });
  });

  it('answers 503 not ready when an external backend is down', async () => {
    const sandbox = await startSandbox({ port: 0, backendUrl: 'http://127.0.0.1:9' });
    try {
      const response = await fetch(`${sandbox.endpoint}/_infralabs/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ backend: 'external', name: 'url', lambda: 'backend', ready: false });
    } finally {
      await sandbox.stop();
    }
  });
});
