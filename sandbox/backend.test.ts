import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { startSandbox } from './sandbox.ts';
import type { MotoBackend } from './backend.ts';
import { clientConfig, freshAccount } from '../test/sandbox-context.ts';

describe('the moto backend', () => {
  it('is restarted after a crash, and calls wait for it instead of failing', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const backend = sandbox.backend as MotoBackend;
      const ec2 = new EC2Client({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: '121212121212', secretAccessKey: 'x' } });
      await ec2.send(new DescribeVpcsCommand({}));
      const before = backend.pid();
      process.kill(before!, 'SIGKILL');
      const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
      expect(Vpcs).toHaveLength(1);
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
