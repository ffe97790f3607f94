// Reference solution: the same greeting on Lambda and on Fargate.
//ko 정답 코드: 같은 인사말을 Lambda와 Fargate에서.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  InvokeCommand,
  LambdaClient,
  UpdateFunctionCodeCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { strToU8, zipSync } from 'fflate';

const iam = new IAMClient({});
const lambda = new LambdaClient({});
const ecs = new ECSClient({});
const ec2 = new EC2Client({});

// 1. The execution role: Lambda may assume it, and it may write logs.
//ko 1. 실행 역할: Lambda가 맡을 수 있고, 로그를 쓸 수 있습니다.
const trustPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
let roleArn: string;
try {
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: JSON.stringify(trustPolicy) }));
  roleArn = Role!.Arn!;
  console.log(`Created role ${roleArn}`);
} catch (error) {
  if ((error as Error).name !== 'EntityAlreadyExistsException') throw error;
  roleArn = (await iam.send(new GetRoleCommand({ RoleName: 'lambda-exec' }))).Role!.Arn!;
  console.log(`Role lambda-exec already exists: ${roleArn}`);
}
await iam.send(new AttachRolePolicyCommand({
  RoleName: 'lambda-exec',
  PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
}));

// 2. The function: the handler's source, zipped in memory.
//ko 2. 함수: 핸들러 소스를 메모리에서 zip으로 묶습니다.
const source = `exports.handler = async (event) => {
  const name = event.name ?? 'world';
  console.log('greeting', name);
  return { statusCode: 200, body: JSON.stringify({ message: 'hello ' + name }) };
};
`;
const zip = zipSync({ 'index.js': strToU8(source) });

try {
  await lambda.send(new CreateFunctionCommand({
    FunctionName: 'hello-fn',
    Runtime: 'nodejs22.x',
    Role: roleArn,
    Handler: 'index.handler',
    Code: { ZipFile: zip },
    Timeout: 10,
    MemorySize: 128,
  }));
  console.log('Created function hello-fn');
} catch (error) {
  if ((error as Error).name !== 'ResourceConflictException') throw error;
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'hello-fn', ZipFile: zip }));
  await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 60 }, { FunctionName: 'hello-fn' });
  console.log('Updated the code of hello-fn');
}

const result = await lambda.send(new InvokeCommand({
  FunctionName: 'hello-fn',
  Payload: JSON.stringify({ name: 'lab' }),
}));
console.log('hello-fn answered:', new TextDecoder().decode(result.Payload));

// 3. The same greeting as a container on Fargate.
//ko 3. 같은 인사말을 Fargate의 컨테이너로.
await ecs.send(new CreateClusterCommand({ clusterName: 'lab-cluster' }));
console.log('Cluster lab-cluster is ready');

const server = `require('http').createServer((req, res) => res.end('hello ' + (new URL(req.url, 'http://x').searchParams.get('name') ?? 'world'))).listen(8080)`;
const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({
  family: 'hello-task',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{
    name: 'hello',
    image: 'public.ecr.aws/docker/library/node:22-alpine',
    command: ['node', '-e', server],
    essential: true,
    portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
  }],
}));
console.log(`Registered ${taskDefinition!.taskDefinitionArn}`);

// Fargate tasks get a network interface in our subnets: use the default VPC's.
//ko Fargate 태스크는 우리 서브넷에 네트워크 인터페이스를 받습니다: 기본 VPC의 서브넷을 씁니다.
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
const subnets = Subnets!.map((subnet) => subnet.SubnetId!).slice(0, 2);
const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({
  Filters: [{ Name: 'group-name', Values: ['default'] }, { Name: 'vpc-id', Values: [Subnets![0]!.VpcId!] }],
}));
const networkConfiguration = {
  awsvpcConfiguration: { subnets, securityGroups: [SecurityGroups![0]!.GroupId!], assignPublicIp: 'ENABLED' as const },
};

const existing = await ecs.send(new DescribeServicesCommand({ cluster: 'lab-cluster', services: ['hello-svc'] }));
if (existing.services?.some((service) => service.status === 'ACTIVE')) {
  await ecs.send(new UpdateServiceCommand({
    cluster: 'lab-cluster',
    service: 'hello-svc',
    taskDefinition: taskDefinition!.taskDefinitionArn,
    desiredCount: 1,
    networkConfiguration,
  }));
  console.log('Updated service hello-svc');
} else {
  await ecs.send(new CreateServiceCommand({
    cluster: 'lab-cluster',
    serviceName: 'hello-svc',
    taskDefinition: taskDefinition!.taskDefinitionArn,
    launchType: 'FARGATE',
    desiredCount: 1,
    networkConfiguration,
  }));
  console.log('Created service hello-svc on Fargate');
}
