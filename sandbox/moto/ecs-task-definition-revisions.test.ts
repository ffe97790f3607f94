import { describe, expect, it } from 'vitest';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

const account = freshAccount();
const ecs = new ECSClient(clientConfig(account));
const ec2 = new EC2Client(clientConfig(account));

const register = (port: number) => ecs.send(new RegisterTaskDefinitionCommand({
  family: 'rev-task',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: port }] }],
})).then((answer) => answer.taskDefinition!.taskDefinitionArn!);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

describe('ECS task definition revisions, as on AWS', () => {
  it('a bare family is the latest ACTIVE revision; a deregistered one starts nothing new', async () => {
    const first = await register(8080);
    const second = await register(80);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: second }));

    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'rev-task' }));
    expect(taskDefinition).toMatchObject({ revision: 1, status: 'ACTIVE', taskDefinitionArn: first });
    // A named revision is described whatever its status.
    const { taskDefinition: inactive } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'rev-task:2' }));
    expect(inactive?.status).toBe('INACTIVE');

    await ecs.send(new CreateClusterCommand({ clusterName: 'rev-cluster' }));
    const { Subnets = [] } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    const service = {
      cluster: 'rev-cluster', launchType: 'FARGATE' as const, desiredCount: 1,
      networkConfiguration: { awsvpcConfiguration: { subnets: [Subnets[0]!.SubnetId!] } },
    };
    const refused = await failure(ecs.send(new CreateServiceCommand({ ...service, serviceName: 'on-inactive', taskDefinition: second })));
    expect(refused).toMatchObject({ name: 'ClientException', message: 'TaskDefinition is inactive' });

    await ecs.send(new CreateServiceCommand({ ...service, serviceName: 'on-family', taskDefinition: 'rev-task' }));
    const described = await ecs.send(new DescribeServicesCommand({ cluster: 'rev-cluster', services: ['on-family'] }));
    expect(described.services?.[0]?.taskDefinition).toBe(first);
    const moved = await failure(ecs.send(new UpdateServiceCommand({ cluster: 'rev-cluster', service: 'on-family', taskDefinition: second })));
    expect(moved).toMatchObject({ name: 'ClientException' });

    // Deregistering the revision a service runs leaves the service running on it.
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: first }));
    const after = await ecs.send(new DescribeServicesCommand({ cluster: 'rev-cluster', services: ['on-family'] }));
    expect(after.services?.[0]).toMatchObject({ status: 'ACTIVE', taskDefinition: first });
    const none = await failure(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'rev-task' })));
    expect(none).toMatchObject({ name: 'ClientException' });
  });
});
