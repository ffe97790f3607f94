// Lab: run the same greeting on Lambda and on Fargate.
// Run this file as often as you like: make each step work when its resource already exists.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { strToU8, zipSync } from 'fflate';

const iam = new IAMClient({});
const lambda = new LambdaClient({});
const ecs = new ECSClient({});
const ec2 = new EC2Client({});

// 1. Execution role `lambda-exec`
// TODO: a trust policy that lets lambda.amazonaws.com call sts:AssumeRole
// TODO: CreateRole, then attach the AWS managed policy AWSLambdaBasicExecutionRole
//       (arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole)

// 2. Function `hello-fn`
const source = `exports.handler = async (event) => {
  // TODO: return { statusCode: 200, body: ... } with "hello <event.name>" in the body
};
`;
const zip = zipSync({ 'index.js': strToU8(source) });
// TODO: CreateFunction: a Node.js runtime (nodejs20.x or newer), handler index.handler,
//       role lambda-exec's ARN, Code: { ZipFile: zip }

// 3. Try it
// TODO: Invoke hello-fn with the payload {"name":"lab"} and print the answer
//       (the payload comes back as bytes: new TextDecoder().decode(...))

// 4. ECS cluster `lab-cluster`
// TODO: CreateCluster

// 5. Task definition `hello-task`
// TODO: RegisterTaskDefinition for Fargate: requiresCompatibilities, networkMode, task cpu/memory
//       (a pair Fargate accepts), one container `hello` with a port mapping for 8080

// 6. Service `hello-svc`
// TODO: find subnets (and the default security group) of the default VPC with EC2
// TODO: CreateService in lab-cluster on Fargate, desiredCount 1, awsvpcConfiguration with the subnets

