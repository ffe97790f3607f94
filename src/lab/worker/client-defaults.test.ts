import { EC2, EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from 'vitest';
import { clientDefaults, withClientDefaults } from './client-defaults.ts';

const defaults = clientDefaults({ endpoint: 'http://localhost:4566', account: '000000000042' });

describe('withClientDefaults', () => {
  test('a client built with no config gets the sandbox endpoint, region, account and path-style S3', async () => {
    const { S3Client: Wrapped } = withClientDefaults({ S3Client }, defaults) as { S3Client: typeof S3Client };
    const client = new Wrapped({});
    expect(await client.config.region()).toBe('us-east-1');
    expect((await client.config.credentials()).accessKeyId).toBe('000000000042');
    expect(client.config.forcePathStyle).toBe(true);
    expect(client).toBeInstanceOf(S3Client);
    expect(Wrapped.name).toBe('S3Client');
  });

  test("the learner's own config wins, key by key", async () => {
    const { EC2Client: Wrapped } = withClientDefaults({ EC2Client }, defaults) as { EC2Client: typeof EC2Client };
    const client = new Wrapped({ region: 'eu-west-1' });
    expect(await client.config.region()).toBe('eu-west-1');
    expect((await client.config.credentials()).accessKeyId).toBe('000000000042');
  });

  test('aggregated clients (new EC2()) are wrapped too; commands and other exports are untouched', async () => {
    const module = { EC2, EC2Client, DescribeThing: class {}, version: '1' };
    const wrapped = withClientDefaults(module, defaults) as typeof module;
    expect((await new wrapped.EC2({}).config.credentials()).accessKeyId).toBe('000000000042');
    expect(wrapped.DescribeThing).toBe(module.DescribeThing);
    expect(wrapped.version).toBe('1');
  });
});
