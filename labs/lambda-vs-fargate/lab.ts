// lambda-vs-fargate: the same greeting as a Lambda function and as a Fargate service.
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { couldNotCheck, defineLab, fail, pass, type LabContext, joinTexts } from '../../grader/lab.ts';
import { roleNameOf } from '../../grader/queries/iam.ts';
import { findFunction, isModernNode } from '../../grader/queries/lambda.ts';
import { serviceRoleCheck } from '../../grader/queries/service-role-check.ts';
import {
  cpuUnits,
  describeTaskDefinition,
  findActiveCluster,
  findService,
  isValidFargateSize,
  latestTaskDefinition,
  memoryMiB,
  taskDefinitionFamily,
} from '../../grader/queries/ecs.ts';

const FUNCTION = 'hello-fn';
const CLUSTER = 'lab-cluster';
const FAMILY = 'hello-task';
const SERVICE = 'hello-svc';

const noFunction = () =>
  fail(
    { ko: `Lambda 함수 ${FUNCTION}이(가) 없습니다.`, en: `There is no Lambda function named ${FUNCTION}.` },
    {
      ko: 'CreateFunction으로 코드를 zip으로 올려 함수를 만드세요. 함수를 만들 때 Lambda가 맡을 실행 역할(Role)을 지정해야 합니다.',
      en: 'Create the function with CreateFunction, uploading your code as a zip. Creating it needs the execution role Lambda will assume (Role).',
    },
  );

export default defineLab({
  id: 'lambda-vs-fargate',
  title: { ko: 'Lambda와 Fargate로 같은 코드 실행하기', en: 'Run the same code on Lambda and on Fargate' },
  summary: {
    ko: '인사말을 돌려주는 코드를 Lambda 함수로 배포해 직접 호출하고, 같은 일을 하는 컨테이너를 ECS Fargate 서비스로 띄웁니다. 서버를 관리하지 않는 두 방식이 무엇을 요구하는지 비교합니다.',
    en: 'Deploy a greeting as a Lambda function and invoke it, then run the same job as a container in an ECS Fargate service, and compare what the two serverless models ask of you.',
  },
  lessons: ['lambda', 'fargate', 'lambda-vs-fargate'],
  services: ['iam', 'lambda', 'ecs', 'ec2'],
  steps: [
    {
      id: 'lambda',
      title: { ko: 'Lambda 함수', en: 'The Lambda function' },
      checks: [
        serviceRoleCheck({
          id: 'exec-role',
          title: { ko: 'Lambda 실행 역할 lambda-exec', en: 'Execution role lambda-exec' },
          points: 2,
          roleName: 'lambda-exec',
          service: 'lambda.amazonaws.com',
          policies: ['AWSLambdaBasicExecutionRole'],
          whyTrust: {
            ko: 'Lambda는 함수를 실행할 때 실행 역할을 수임해(AssumeRole) 그 권한으로 AWS를 호출하므로, 역할이 lambda.amazonaws.com을 신뢰해야 합니다.',
            en: 'Lambda assumes the execution role (AssumeRole) whenever your function runs and calls AWS with its permissions, so the role must trust lambda.amazonaws.com.',
          },
          whyPolicies: {
            ko: 'AWSLambdaBasicExecutionRole은 함수가 CloudWatch Logs에 로그를 쓰는 권한입니다. 이 권한이 없으면 console.log 출력이 어디에도 남지 않습니다.',
            en: 'AWSLambdaBasicExecutionRole lets the function write its logs to CloudWatch Logs; without it your console.log output goes nowhere.',
          },
        }),
        {
          id: 'function-config',
          title: { ko: '함수 hello-fn 설정', en: 'Function hello-fn configuration' },
          points: 2,
          async run(ctx) {
            const fn = await findFunction(ctx, FUNCTION);
            if (!fn) return noFunction();
            const evidence = fn.FunctionArn ? [fn.FunctionArn] : [];
            const problems: { ko: string; en: string }[] = [];
            if (!isModernNode(fn.Runtime)) {
              problems.push({ ko: `런타임이 ${fn.Runtime ?? '없음'}입니다(지원 중단되지 않은 nodejs22.x 이상이어야 함)`, en: `runtime is ${fn.Runtime ?? 'none'} (expected nodejs22.x or newer, a runtime that is not deprecated)` });
            }
            const roleName = roleNameOf(fn.Role);
            if (roleName !== 'lambda-exec' || !fn.Role?.includes(`:${ctx.account}:`)) {
              problems.push({ ko: `실행 역할이 ${fn.Role ?? '없음'}입니다(lambda-exec이어야 함)`, en: `role is ${fn.Role ?? 'none'} (expected lambda-exec)` });
            }
            const timeout = fn.Timeout ?? 3;
            if (timeout < 1 || timeout > 900) {
              problems.push({ ko: `제한 시간이 ${timeout}초입니다(1-900초)`, en: `timeout is ${timeout} s (expected 1-900 s)` });
            }
            const memory = fn.MemorySize ?? 128;
            if (memory < 128 || memory > 10240) {
              problems.push({ ko: `메모리가 ${memory}MB입니다(128-10240MB)`, en: `memory is ${memory} MB (expected 128-10240 MB)` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${FUNCTION}: ${found.ko}.`, en: `${FUNCTION}: ${found.en}.` },
                {
                  ko: 'Lambda 함수는 최대 15분(900초)까지만 실행되고 메모리는 128MB-10GB 사이에서 고르며, CPU는 메모리에 비례해 주어집니다. 지원 중단(deprecated)된 런타임 대신 nodejs22.x나 nodejs24.x를 쓰세요. nodejs20.x는 2026년 4월 30일에 지원 중단되어 보안 패치를 받지 못하고, 2027년 2월 1일부터는 새 함수를 만들 수 없습니다. 이미 만든 함수는 UpdateFunctionConfiguration으로 고칠 수 있습니다.',
                  en: 'A Lambda function runs for at most 15 minutes (900 s) and takes 128 MB-10 GB of memory, with CPU in proportion to memory. Use nodejs22.x or nodejs24.x rather than a deprecated runtime: nodejs20.x was deprecated on April 30, 2026 (no more security patches), and from February 1, 2027 no new function can use it. UpdateFunctionConfiguration changes an existing function.',
                },
                evidence,
              );
            }
            return pass(
              {
                ko: `${FUNCTION}: ${fn.Runtime}, 역할 lambda-exec, 제한 시간 ${timeout}초, 메모리 ${memory}MB.`,
                en: `${FUNCTION}: ${fn.Runtime}, role lambda-exec, timeout ${timeout} s, memory ${memory} MB.`,
              },
              evidence,
            );
          },
        },
        {
          id: 'invoke',
          title: { ko: 'hello-fn을 호출하면 hello lab', en: 'Invoking hello-fn says hello lab' },
          points: 3,
          // A cold start unpacks the zip and starts a process.
          timeoutMs: 20_000,
          async run(ctx) {
            const fn = await findFunction(ctx, FUNCTION);
            if (!fn) return noFunction();
            const evidence = fn.FunctionArn ? [fn.FunctionArn] : [];
            const response = await ctx.lambda.send(
              new InvokeCommand({ FunctionName: FUNCTION, Payload: new TextEncoder().encode(JSON.stringify({ name: 'lab' })) }),
              { abortSignal: ctx.signal },
            );
            const text = new TextDecoder().decode(response.Payload ?? new Uint8Array());
            let result: unknown;
            let isJson = true;
            try {
              result = text === '' ? null : JSON.parse(text);
            } catch {
              isJson = false;
            }
            if (response.FunctionError) {
              const error = (isJson ? result : null) as { errorType?: string; errorMessage?: string } | null;
              const detail = `${error?.errorType ?? response.FunctionError}: ${(error?.errorMessage ?? text).split('\n')[0]!.slice(0, 200)}`;
              return fail(
                { ko: `${FUNCTION} 호출이 오류로 끝났습니다 - ${detail}`, en: `Invoking ${FUNCTION} failed - ${detail}` },
                {
                  ko: '핸들러 설정(Handler, 예: index.handler)이 zip 안의 파일 이름과 내보낸 함수 이름을 가리키는지, 핸들러가 예외 없이 값을 돌려주는지 확인하세요. 함수의 로그(/aws/lambda/hello-fn)에 자세한 오류가 남습니다.',
                  en: 'Check that Handler (e.g. index.handler) names a file in your zip and the function it exports, and that the handler returns a value instead of throwing. The function\'s log group (/aws/lambda/hello-fn) has the details.',
                },
                evidence,
              );
            }
            if (!isJson) {
              // Lambda serializes whatever the handler returns as JSON, so this is the sandbox misbehaving.
              return couldNotCheck({ ko: `${FUNCTION}의 응답을 JSON으로 읽지 못했습니다: ${text.slice(0, 200)}`, en: `Could not read ${FUNCTION}'s response as JSON: ${text.slice(0, 200)}` });
            }
            const output = result as { statusCode?: unknown; body?: unknown } | null;
            const body = typeof output?.body === 'string' ? output.body : JSON.stringify(output?.body ?? null);
            if (output?.statusCode !== 200 || !body.includes('hello lab')) {
              return fail(
                {
                  ko: `{"name":"lab"}으로 호출한 결과가 ${text.slice(0, 200)}입니다. statusCode 200과 "hello lab"을 담은 body가 있어야 합니다.`,
                  en: `Invoking with {"name":"lab"} returned ${text.slice(0, 200)}; expected statusCode 200 and a body containing "hello lab".`,
                },
                {
                  ko: 'API Gateway 같은 HTTP 연동은 Lambda가 돌려준 { statusCode, body } 객체를 HTTP 응답으로 바꿉니다. event.name을 읽어 body에 `hello ${event.name}`을 넣어 돌려주세요.',
                  en: 'HTTP integrations such as API Gateway turn the { statusCode, body } object a function returns into the HTTP response. Read event.name and return a body with `hello ${event.name}` in it.',
                },
                evidence,
              );
            }
            return pass(
              { ko: `${FUNCTION}이(가) statusCode 200, body ${body.slice(0, 100)}을(를) 돌려주었습니다.`, en: `${FUNCTION} returned statusCode 200 with body ${body.slice(0, 100)}.` },
              evidence,
            );
          },
        },
      ],
    },
    {
      id: 'fargate',
      title: { ko: 'Fargate 서비스', en: 'The Fargate service' },
      checks: [
        {
          id: 'cluster',
          title: { ko: 'ECS 클러스터 lab-cluster', en: 'ECS cluster lab-cluster' },
          points: 1,
          async run(ctx) {
            const cluster = await findActiveCluster(ctx, CLUSTER);
            if (!cluster) {
              return fail(
                { ko: `ACTIVE 상태인 ECS 클러스터 ${CLUSTER}이(가) 없습니다.`, en: `There is no ACTIVE ECS cluster named ${CLUSTER}.` },
                {
                  ko: '클러스터는 서비스와 태스크를 묶는 논리적인 단위입니다. Fargate에서는 관리할 EC2 인스턴스가 없어도 클러스터는 필요합니다. CreateCluster로 만드세요.',
                  en: 'A cluster is the logical group your services and tasks run in; with Fargate there are no EC2 instances to manage, but you still need the cluster. Create it with CreateCluster.',
                },
              );
            }
            return pass({ ko: `클러스터 ${CLUSTER}이(가) ACTIVE입니다.`, en: `Cluster ${CLUSTER} is ACTIVE.` }, cluster.clusterArn ? [cluster.clusterArn] : []);
          },
        },
        {
          id: 'task-definition',
          title: { ko: 'Fargate용 태스크 정의 hello-task', en: 'Fargate task definition hello-task' },
          points: 3,
          async run(ctx) {
            const task = await latestTaskDefinition(ctx, FAMILY);
            if (!task) {
              return fail(
                { ko: `태스크 정의 패밀리 ${FAMILY}에 ACTIVE 개정이 없습니다.`, en: `The task definition family ${FAMILY} has no ACTIVE revision.` },
                {
                  ko: '태스크 정의는 어떤 이미지를 어떤 CPU/메모리와 포트로 실행할지 적은 설계도입니다. RegisterTaskDefinition(family: hello-task)으로 등록하세요.',
                  en: 'A task definition is the blueprint of what to run: image, CPU/memory, ports. Register one with RegisterTaskDefinition (family hello-task).',
                },
              );
            }
            const evidence = task.taskDefinitionArn ? [task.taskDefinitionArn] : [];
            const problems: { ko: string; en: string }[] = [];
            if (!(task.requiresCompatibilities ?? []).includes('FARGATE')) {
              problems.push({ ko: `requiresCompatibilities가 [${(task.requiresCompatibilities ?? []).join(', ')}]입니다(FARGATE 포함)`, en: `requiresCompatibilities is [${(task.requiresCompatibilities ?? []).join(', ')}] (expected FARGATE)` });
            }
            if (task.networkMode !== 'awsvpc') {
              problems.push({ ko: `networkMode가 ${task.networkMode ?? '기본값(bridge)'}입니다(awsvpc여야 함)`, en: `networkMode is ${task.networkMode ?? 'the default (bridge)'} (expected awsvpc)` });
            }
            if (!isValidFargateSize(task.cpu, task.memory)) {
              problems.push({
                ko: `태스크 cpu/memory가 ${task.cpu ?? '없음'}/${task.memory ?? '없음'}으로, Fargate가 허용하는 조합이 아닙니다(예: 256/512, 512/1024, 1024/2048)`,
                en: `task cpu/memory is ${task.cpu ?? 'unset'}/${task.memory ?? 'unset'}, not a pair Fargate accepts (e.g. 256/512, 512/1024, 1024/2048)`,
              });
            }
            const containers = task.containerDefinitions ?? [];
            const hello = containers.find((container) => container.name === 'hello');
            if (containers.length !== 1 || !hello) {
              problems.push({
                ko: `컨테이너가 [${containers.map((c) => c.name).join(', ')}]입니다(hello 하나여야 함)`,
                en: `containers are [${containers.map((c) => c.name).join(', ')}] (expected exactly one, named hello)`,
              });
            } else if (!(hello.portMappings ?? []).some((mapping) => mapping.containerPort === 8080)) {
              problems.push({ ko: '컨테이너 hello에 containerPort 8080 포트 매핑이 없습니다', en: 'container hello has no port mapping for containerPort 8080' });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${FAMILY}:${task.revision}: ${found.ko}.`, en: `${FAMILY}:${task.revision}: ${found.en}.` },
                {
                  ko: 'Fargate는 태스크마다 자기 네트워크 인터페이스(ENI)를 붙이므로 awsvpc 모드만 쓸 수 있고, 정해진 cpu/memory 조합 단위로 요금을 매깁니다. 태스크 정의는 고칠 수 없으니 고친 내용으로 새 개정을 등록하세요(같은 family로 RegisterTaskDefinition).',
                  en: 'Fargate gives every task its own network interface (ENI), so only awsvpc mode works, and it bills by fixed cpu/memory pairs. Task definitions cannot be edited: register a new revision of the same family with the fix.',
                },
                evidence,
              );
            }
            return pass(
              {
                ko: `${FAMILY}:${task.revision}: FARGATE, awsvpc, cpu ${cpuUnits(task.cpu)}/memory ${memoryMiB(task.memory)}, 컨테이너 hello:8080.`,
                en: `${FAMILY}:${task.revision}: FARGATE, awsvpc, cpu ${cpuUnits(task.cpu)}/memory ${memoryMiB(task.memory)}, container hello:8080.`,
              },
              evidence,
            );
          },
        },
        {
          id: 'service',
          title: { ko: 'Fargate 서비스 hello-svc', en: 'Fargate service hello-svc' },
          points: 3,
          async run(ctx) {
            const service = await findService(ctx, CLUSTER, SERVICE);
            if (!service) {
              return fail(
                { ko: `클러스터 ${CLUSTER}에 ACTIVE 서비스 ${SERVICE}이(가) 없습니다.`, en: `There is no ACTIVE service named ${SERVICE} in cluster ${CLUSTER}.` },
                {
                  ko: '서비스는 원하는 수(desiredCount)의 태스크가 계속 실행되도록 지켜 주는 ECS의 관리자입니다. CreateService로 lab-cluster에 만드세요.',
                  en: 'A service is what keeps the desired number of tasks running, replacing any that stop. Create it in lab-cluster with CreateService.',
                },
              );
            }
            const evidence = service.serviceArn ? [service.serviceArn] : [];
            const problems: { ko: string; en: string }[] = [];
            const family = taskDefinitionFamily(service.taskDefinition);
            if (family !== FAMILY) {
              problems.push({ ko: `태스크 정의가 ${service.taskDefinition ?? '없음'}입니다(${FAMILY}여야 함)`, en: `task definition is ${service.taskDefinition ?? 'none'} (expected ${FAMILY})` });
            } else if ((await describeTaskDefinition(ctx, service.taskDefinition!))?.status === 'INACTIVE') {
              // ECS keeps a service running on a revision deregistered later, but that revision can
              // start no new service: the service runs a blueprint the learner has retired.
              problems.push({
                ko: `서비스가 등록 취소된(INACTIVE) 개정 ${service.taskDefinition}을(를) 실행합니다(ACTIVE 개정이어야 함)`,
                en: `it runs ${service.taskDefinition}, a deregistered (INACTIVE) revision (expected an ACTIVE one)`,
              });
            }
            let strategy = service.capacityProviderStrategy ?? [];
            if (!service.launchType && strategy.length === 0) {
              // A service created with neither uses the cluster's default capacity provider strategy.
              strategy = (await findActiveCluster(ctx, CLUSTER))?.defaultCapacityProviderStrategy ?? [];
            }
            const onFargate = service.launchType === 'FARGATE' || strategy.some((item) => item.capacityProvider === 'FARGATE' || item.capacityProvider === 'FARGATE_SPOT');
            if (!onFargate) {
              const how = service.launchType ?? (strategy.map((item) => item.capacityProvider).join(', ') || 'none');
              problems.push({ ko: `시작 유형이 ${how}입니다(FARGATE 또는 FARGATE 용량 공급자여야 함)`, en: `launch type is ${how} (expected FARGATE or a FARGATE capacity provider)` });
            }
            if ((service.desiredCount ?? 0) < 1) {
              problems.push({ ko: `desiredCount가 ${service.desiredCount ?? 0}입니다(1 이상)`, en: `desiredCount is ${service.desiredCount ?? 0} (expected at least 1)` });
            }
            const subnets = service.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
            if (subnets.length === 0) {
              problems.push({ ko: 'awsvpc 네트워크 구성에 서브넷이 없습니다', en: 'the awsvpc network configuration names no subnet' });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${SERVICE}: ${found.ko}.`, en: `${SERVICE}: ${found.en}.` },
                {
                  ko: 'Fargate 태스크는 내가 고른 서브넷 안에 네트워크 인터페이스를 만들어 실행되므로, 서비스에 launchType FARGATE(또는 FARGATE 용량 공급자 전략)와 서브넷을 하나 이상 담은 awsvpcConfiguration을 주어야 합니다. 이미 만든 서비스의 태스크 정의(등록 취소한 개정 대신 ACTIVE 개정), 개수, 네트워크 구성은 UpdateService로 바꿀 수 있습니다.',
                  en: 'A Fargate task runs with a network interface in a subnet you choose, so the service needs launchType FARGATE (or a FARGATE capacity provider strategy) and an awsvpcConfiguration naming at least one subnet. UpdateService changes the task definition (an ACTIVE revision rather than a deregistered one), count and network configuration of a service that exists.',
                },
                evidence,
              );
            }
            return pass(
              {
                ko: `${SERVICE}: ${service.taskDefinition}, Fargate, 태스크 ${service.desiredCount}개, 서브넷 ${subnets.join(', ')}.`,
                en: `${SERVICE}: ${service.taskDefinition}, Fargate, ${service.desiredCount} task(s), subnets ${subnets.join(', ')}.`,
              },
              evidence,
            );
          },
        },
      ],
    },
  ],
});
