import { describe, expect, it } from 'vitest';
import { S3Client, CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { startSandbox } from './sandbox.ts';
import type { MotoBackend } from './backend.ts';
import { clientConfig, freshAccount } from '../test/sandbox-context.ts';

describe('the moto backend', () => {
  it('is restarted after a crash, and calls wait for it instead of failing', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const backend = sandbox.backend as MotoBackend;
      // S3, not EC2: a new account's first EC2 call builds its default VPC and images, which takes
      // seconds on a busy machine and would be paid twice here (before and after the restart).
      const s3 = new S3Client({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: '121212121212', secretAccessKey: 'x' }, forcePathStyle: true });
      await s3.send(new CreateBucketCommand({ Bucket: 'before-the-crash' }));
      const before = backend.pid();
      process.kill(before!, 'SIGKILL');
      // The call waits for the new backend, which starts empty.
      const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
      expect(Buckets).toEqual([]);
      expect(backend.pid()).not.toBe(before);
      const health = await (await fetch(`${sandbox.endpoint}/_infralabs/health`)).json();
      expect(health).toMatchObject({ backend: 'moto', ready: true });
    } finally {
      await sandbox.stop();
    }
  }, 90_000);

  it("answers RunTask on a cluster without container instances with AWS's error, not moto's crash", async () => {
    const ecs = new ECSClient(clientConfig(freshAccount()));
    await ecs.send(new CreateClusterCommand({ clusterName: 'empty' }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'ec2-task', containerDefinitions: [{ name: 'a', image: 'x', memory: 128 }] }));
    const refused = await ecs.send(new RunTaskCommand({ cluster: 'empty', taskDefinition: 'ec2-task', launchType: 'EC2' })).catch((error: Error) => error);
    expect(refused).toMatchObject({ name: 'InvalidParameterException', message: 'No Container Instances were found in your cluster.' });
  });
});
