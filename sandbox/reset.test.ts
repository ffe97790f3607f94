import { describe, expect, it } from 'vitest';
import { EC2Client, CreateKeyPairCommand, DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { S3Client, CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { IAMClient, CreateRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { resetSandbox } from './reset.ts';
import { startSandbox } from './sandbox.ts';
import { ExternalBackend } from './backend.ts';
import { clientConfig, freshAccount, testEndpoint } from '../test/sandbox-context.ts';

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

async function populate(config: ReturnType<typeof clientConfig>, account: string, bucket: string) {
  await new EC2Client(config).send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
  await new S3Client(config).send(new CreateBucketCommand({ Bucket: bucket }));
  await new IAMClient(config).send(new CreateRoleCommand({ RoleName: `role-${account}`, AssumeRolePolicyDocument: trust }));
}

async function holdings(config: ReturnType<typeof clientConfig>) {
  return {
    keys: ((await new EC2Client(config).send(new DescribeKeyPairsCommand({}))).KeyPairs ?? []).length,
    buckets: ((await new S3Client(config).send(new ListBucketsCommand({}))).Buckets ?? []).length,
    roles: ((await new IAMClient(config).send(new ListRolesCommand({}))).Roles ?? []).filter((role) => role.RoleName?.startsWith('role-')).length,
  };
}

describe('reset', () => {
  it('empties one account in every service, frees its bucket names and leaves the others alone', async () => {
    const [kept, emptied] = [freshAccount(), freshAccount()];
    await populate(clientConfig(kept), kept, `keep-${kept}`);
    await populate(clientConfig(emptied), emptied, `gone-${emptied}`);
    expect(await resetSandbox(testEndpoint(), { account: emptied })).toMatchObject({ reset: { account: emptied } });
    expect(await holdings(clientConfig(emptied))).toEqual({ keys: 0, buckets: 0, roles: 0 });
    expect(await holdings(clientConfig(kept))).toEqual({ keys: 1, buckets: 1, roles: 1 });
    // The name is free again, for anyone.
    await new S3Client(clientConfig(kept)).send(new CreateBucketCommand({ Bucket: `gone-${emptied}` }));
  });

  it('empties everything with {all: true}', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const account = freshAccount();
      const config = { ...clientConfig(account), endpoint: sandbox.endpoint };
      await populate(config, account, `all-${account}`);
      await resetSandbox(sandbox.endpoint, { all: true });
      expect(await holdings(config)).toEqual({ keys: 0, buckets: 0, roles: 0 });
    } finally {
      await sandbox.stop();
    }
  }, 90_000);

  it('explains what is wrong instead of failing obscurely', async () => {
    await expect(resetSandbox(testEndpoint(), { account: '42' })).rejects.toThrow(/12 digits/);
    await expect(resetSandbox('http://127.0.0.1:9', { all: true })).rejects.toThrow(/No sandbox answers/);
    const bad = await fetch(`${testEndpoint()}/_infralabs/reset`, { method: 'POST', body: '{"account":"x"}' });
    expect(bad.status).toBe(400);
    await expect(new ExternalBackend('http://127.0.0.1:9').reset({ all: true })).resolves.toBe(false);
  });

  it('answers 501 with the way out for an external backend', async () => {
    const sandbox = await startSandbox({ port: 0, backendUrl: 'http://127.0.0.1:9' });
    try {
      await expect(resetSandbox(sandbox.endpoint, { all: true })).rejects.toThrow(/cannot be reset by Infra Labs/);
    } finally {
      await sandbox.stop();
    }
  });
});
