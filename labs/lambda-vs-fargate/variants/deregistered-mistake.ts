// Another correct way: revision 1 of hello-task is right and runs in hello-svc; a revision 2
// registered by mistake (port 80) was deregistered again. A bare family means the latest ACTIVE
// revision (revision 1), as DescribeTaskDefinition, CreateService and RunTask read it on AWS.
import { DeregisterTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';

await import('../solution.ts');
const ecs = new ECSClient({});
const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({
  family: 'hello-task',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'hello', image: 'public.ecr.aws/docker/library/node:22-alpine', essential: true, portMappings: [{ containerPort: 80 }] }],
}));
console.log(`Registered ${taskDefinition!.taskDefinitionArn} by mistake; deregistering it`);
await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: taskDefinition!.taskDefinitionArn }));
