import { describe, expect, it } from 'vitest';
import { EC2Client, DescribeSubnetsCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import {
  ECSClient, CreateClusterCommand, RegisterTaskDefinitionCommand, CreateServiceCommand, RunTaskCommand, DescribeTasksCommand,
} from '@aws-sdk/client-ecs';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { parseSize } from './ecs-fargate.ts';
import { subnetsInZones } from './test-subnets.ts';

const account = freshAccount();
const ecs = new ECSClient(clientConfig(account));
const ec2 = new EC2Client(clientConfig(account));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);
const container = { name: 'hello', image: 'node:22', portMappings: [{ containerPort: 8080 }] };

describe('Fargate', () => {
  it('needs awsvpc and a valid cpu/memory pair (ClientException)', async () => {
    const base = { family: 'bad-task', requiresCompatibilities: ['FARGATE' as const], containerDefinitions: [container] };
    expect(await failure(ecs.send(new RegisterTaskDefinitionCommand({ ...base, networkMode: 'bridge', cpu: '256', memory: '512' })))).toMatchObject({ name: 'ClientException' });
    const pair = await failure(ecs.send(new RegisterTaskDefinitionCommand({ ...base, networkMode: 'awsvpc', cpu: '256', memory: '4096' })));
    expect(pair).toMatchObject({ name: 'ClientException' });
    expect(pair!.message).toContain('No Fargate configuration exists');
    await ecs.send(new RegisterTaskDefinitionCommand({ ...base, networkMode: 'awsvpc', cpu: '1 vCPU', memory: '2 GB' }));
    expect(parseSize('.25 vCPU', 'vcpu')).toBe(256);
  });

  it('runs a service and a task without securityGroups in the VPC default group', async () => {
    const subnets = await subnetsInZones(ec2, DescribeSubnetsCommand);
    const { SecurityGroups = [] } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
    await ecs.send(new CreateClusterCommand({ clusterName: 'lab-cluster' }));
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'hello-task', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [container],
    }));
    const networkConfiguration = { awsvpcConfiguration: { subnets: [subnets[0]!], assignPublicIp: 'ENABLED' as const } };
    const { service } = await ecs.send(new CreateServiceCommand({
      cluster: 'lab-cluster', serviceName: 'hello-svc', taskDefinition: 'hello-task', desiredCount: 1, launchType: 'FARGATE', networkConfiguration,
    }));
    expect(service?.networkConfiguration?.awsvpcConfiguration?.securityGroups).toEqual([SecurityGroups[0]!.GroupId]);
    expect(service).toMatchObject({ runningCount: 1, pendingCount: 0 });
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');

    const { tasks = [] } = await ecs.send(new RunTaskCommand({ cluster: 'lab-cluster', taskDefinition: 'hello-task', launchType: 'FARGATE', networkConfiguration }));
    expect(tasks).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      const described = await ecs.send(new DescribeTasksCommand({ cluster: 'lab-cluster', tasks: [tasks[0]!.taskArn!] }));
      expect(described.tasks?.[0]?.lastStatus).toBe('RUNNING');
    }
  });

  it('refuses a Fargate launch of a task definition that is not Fargate-compatible', async () => {
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'ec2-task', networkMode: 'bridge', containerDefinitions: [{ ...container, memory: 256 }] }));
    const subnets = await subnetsInZones(ec2, DescribeSubnetsCommand);
    const refused = await failure(ecs.send(new CreateServiceCommand({
      cluster: 'lab-cluster', serviceName: 'wrong-svc', taskDefinition: 'ec2-task', desiredCount: 1, launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnets[0]!] } },
    })));
    expect(refused).toMatchObject({ name: 'InvalidParameterException' });
  });
});
