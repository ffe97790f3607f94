// Another correct way: a callback-style handler in a nested file (src/app.handler), task sizes
// written as "1 vCPU"/"2 GB", and a service that takes the cluster's default capacity provider
// strategy (FARGATE) because it names neither a launch type nor a strategy.
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  PutClusterCapacityProvidersCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { strToU8, zipSync } from 'fflate';

const iam = new IAMClient({});
const { Role } = await iam.send(new CreateRoleCommand({
  RoleName: 'lambda-exec',
  Path: '/service-role/',
  AssumeRolePolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  }),
}));
await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-exec', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));

const app = `exports.handler = function (event, context, callback) {
  callback(null, { statusCode: 200, body: JSON.stringify({ greeting: 'hello ' + event.name }) });
};
`;
await new LambdaClient({}).send(new CreateFunctionCommand({
  FunctionName: 'hello-fn',
  Runtime: 'nodejs22.x',
  Role: Role!.Arn,
  Handler: 'src/app.handler',
  Code: { ZipFile: zipSync({ src: { 'app.js': strToU8(app) } }) },
}));

const ecs = new ECSClient({});
await ecs.send(new CreateClusterCommand({ clusterName: 'lab-cluster' }));
await ecs.send(new PutClusterCapacityProvidersCommand({
  cluster: 'lab-cluster',
  capacityProviders: ['FARGATE'],
  defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
}));
await ecs.send(new RegisterTaskDefinitionCommand({
  family: 'hello-task',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '1 vCPU',
  memory: '2 GB',
  containerDefinitions: [{ name: 'hello', image: 'nginx', memory: 512, portMappings: [{ containerPort: 8080 }] }],
}));
const ec2 = new EC2Client({});
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1a'] }] }));
const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
await ecs.send(new CreateServiceCommand({
  cluster: 'lab-cluster',
  serviceName: 'hello-svc',
  taskDefinition: 'hello-task',
  desiredCount: 1,
  networkConfiguration: { awsvpcConfiguration: { subnets: [Subnets![0]!.SubnetId!], securityGroups: [SecurityGroups![0]!.GroupId!] } },
}));
console.log('done');
