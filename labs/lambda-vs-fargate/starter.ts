// Lab: run the same greeting on Lambda and on Fargate.
//ko 실습: 같은 인사말 코드를 Lambda와 Fargate에서 실행하세요.
// Run this file as often as you like: make each step work when its resource already exists.
//ko 이 파일은 몇 번이든 실행해도 됩니다. 리소스가 이미 있어도 각 단계가 동작하게 만드세요.
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
//ko 1. 실행 역할 `lambda-exec`
// TODO: a trust policy that lets lambda.amazonaws.com call sts:AssumeRole
//ko 할 일: lambda.amazonaws.com이 sts:AssumeRole을 호출할 수 있게 하는 신뢰 정책
// TODO: CreateRole, then attach the AWS managed policy AWSLambdaBasicExecutionRole
//       (arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole)
//ko 할 일: CreateRole 다음에 AWS 관리형 정책 AWSLambdaBasicExecutionRole을 연결하세요
//ko       (arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole)

// 2. Function `hello-fn`
//ko 2. 함수 `hello-fn`
const source = `exports.handler = async (event) => {
  // TODO: return { statusCode: 200, body: ... } with "hello <event.name>" in the body
  //ko 할 일: body에 "hello <event.name>"이 들어간 { statusCode: 200, body: ... }를 돌려주세요
};
`;
const zip = zipSync({ 'index.js': strToU8(source) });
// TODO: CreateFunction: a Node.js runtime that is not deprecated (nodejs22.x or nodejs24.x), handler index.handler,
//       role lambda-exec's ARN, Code: { ZipFile: zip }
//ko 할 일: CreateFunction: 지원 중단되지 않은 Node.js 런타임 (nodejs22.x 또는 nodejs24.x), 핸들러 index.handler,
//ko       역할 lambda-exec의 ARN, Code: { ZipFile: zip }

// 3. Try it
//ko 3. 호출해 보기
// TODO: Invoke hello-fn with the payload {"name":"lab"} and print the answer
//       (the payload comes back as bytes: new TextDecoder().decode(...))
//ko 할 일: 페이로드 {"name":"lab"}으로 hello-fn을 Invoke하고 응답을 출력하세요
//ko       (페이로드는 바이트로 돌아옵니다: new TextDecoder().decode(...))

// 4. ECS cluster `lab-cluster`
//ko 4. ECS 클러스터 `lab-cluster`
// TODO: CreateCluster
//ko 할 일: CreateCluster

// 5. Task definition `hello-task`
//ko 5. 태스크 정의 `hello-task`
// TODO: RegisterTaskDefinition for Fargate: requiresCompatibilities, networkMode, task cpu/memory
//       (a pair Fargate accepts), one container `hello` with a port mapping for 8080
//ko 할 일: Fargate용 RegisterTaskDefinition: requiresCompatibilities, networkMode, 태스크 cpu/memory
//ko       (Fargate가 받는 조합), 8080 포트 매핑이 있는 컨테이너 `hello` 하나

// 6. Service `hello-svc`
//ko 6. 서비스 `hello-svc`
// TODO: find subnets (and the default security group) of the default VPC with EC2
//ko 할 일: EC2로 기본 VPC의 서브넷 (그리고 기본 보안 그룹)을 찾으세요
// TODO: CreateService in lab-cluster on Fargate, desiredCount 1, awsvpcConfiguration with the subnets
//ko 할 일: lab-cluster에 Fargate로 CreateService, desiredCount 1, 서브넷을 넣은 awsvpcConfiguration

