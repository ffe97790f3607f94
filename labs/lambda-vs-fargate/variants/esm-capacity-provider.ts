// Another correct way: an ES module handler (.mjs), the policy attached after the function exists,
// the role ARN built by hand, a FARGATE capacity provider strategy instead of a launch type, and no
// security group (the service then uses the VPC's default group).
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { strToU8, zipSync } from 'fflate';

const iam = new IAMClient({});
const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));

await iam.send(new CreateRoleCommand({
  RoleName: 'lambda-exec',
  AssumeRolePolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
  }),
}));

const handler = `export const handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'text/plain' },
  body: \`hello \${event.name}\`,
});
`;
await new LambdaClient({}).send(new CreateFunctionCommand({
  FunctionName: 'hello-fn',
  Runtime: 'nodejs24.x',
  Role: `arn:aws:iam::${Account}:role/lambda-exec`,
  Handler: 'index.handler',
  Code: { ZipFile: zipSync({ 'index.mjs': strToU8(handler) }) },
  MemorySize: 256,
  Timeout: 30,
}));
await iam.send(new AttachRolePolicyCommand({
  RoleName: 'lambda-exec',
  PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
}));

const ecs = new ECSClient({});
await ecs.send(new CreateClusterCommand({ clusterName: 'lab-cluster', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }));
await ecs.send(new RegisterTaskDefinitionCommand({
  family: 'hello-task',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '512',
  memory: '1024',
  containerDefinitions: [{ name: 'hello', image: 'nginx', portMappings: [{ containerPort: 8080, hostPort: 8080 }] }],
}));
const { Subnets } = await new EC2Client({}).send(new DescribeSubnetsCommand({}));
await ecs.send(new CreateServiceCommand({
  cluster: 'lab-cluster',
  serviceName: 'hello-svc',
  taskDefinition: 'hello-task',
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }, { capacityProvider: 'FARGATE', weight: 1, base: 1 }],
  desiredCount: 2,
  networkConfiguration: { awsvpcConfiguration: { subnets: Subnets!.map((subnet) => subnet.SubnetId!) } },
}));
console.log('done');
