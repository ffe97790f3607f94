// Adding a service is one entry in grader/services.ts: each entry must name a package the project
// depends on, load that very package and build its client; and no SDK client package is depended
// on without an entry (the site would not bundle it, nor the grader build it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serviceNames, services, type ClientConfig } from './services.ts';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
const config: ClientConfig = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: '000000000000', secretAccessKey: 'x' }, maxAttempts: 1 };

describe('the table of services', () => {
  it('has an entry for every SDK client package in package.json, and only those', () => {
    const clients = Object.keys(manifest.dependencies).filter((name) => name.startsWith('@aws-sdk/client-'));
    expect(Object.values(services).map((service) => service.package).sort()).toEqual(clients.sort());
  });

  it.each(serviceNames)('%s loads its own package and builds a client with the given config', async (name) => {
    const service = services[name];
    const sdk = await service.load();
    expect(sdk).toBe(await import(service.package));
    const client = service.client(sdk as never, config) as { send: unknown; config: { maxAttempts: () => Promise<number> } };
    expect(typeof client.send).toBe('function');
    expect(await client.config.maxAttempts()).toBe(1);
  });
});
