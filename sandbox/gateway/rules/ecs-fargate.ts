// AWS: Fargate task definitions use the awsvpc network mode and one of the documented task-level
// cpu/memory pairs; Fargate tasks and services need a task definition compatible with FARGATE.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size
import { jsonApi } from '../aws-api.ts';
import type { AwsRule, RuleCall } from './rule.ts';

/** Fargate memory choices (MiB) for each cpu value (units). */
function memoryChoices(cpu: number): number[] {
  const range = (from: number, to: number, step: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
  switch (cpu) {
    case 256: return [512, 1024, 2048];
    case 512: return range(1024, 4096, 1024);
    case 1024: return range(2048, 8192, 1024);
    case 2048: return range(4096, 16384, 1024);
    case 4096: return range(8192, 30720, 1024);
    case 8192: return range(16384, 61440, 4096);
    case 16384: return range(32768, 122880, 8192);
    default: return [];
  }
}

/** "1024", "1 vCPU", ".25 vcpu" -> 1024 units; "2048", "2 GB" -> 2048 MiB. */
export function parseSize(value: unknown, unit: 'vcpu' | 'gb'): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  const match = new RegExp(`^([\\d.]+)\\s*${unit}$`).exec(text);
  return match ? Math.round(Number(match[1]) * 1024) : Number(text);
}

function checkTaskDefinition(call: RuleCall) {
  const body = call.operation.json ?? {};
  const compat = Array.isArray(body['requiresCompatibilities']) ? body['requiresCompatibilities'] as string[] : [];
  if (!compat.includes('FARGATE')) return undefined;
  if (body['networkMode'] !== 'awsvpc') {
    return call.refuse('ClientException', `Fargate only supports network mode 'awsvpc' (this task definition has '${String(body['networkMode'] ?? 'bridge')}'): set networkMode: 'awsvpc'.`);
  }
  const cpu = parseSize(body['cpu'], 'vcpu');
  const memory = parseSize(body['memory'], 'gb');
  if (cpu === undefined) return call.refuse('ClientException', "Fargate requires that 'cpu' be defined at the task level: set cpu, for example '256'.");
  if (memory === undefined) return call.refuse('ClientException', "Fargate requires that 'memory' be defined at the task level: set memory, for example '512'.");
  if (!memoryChoices(cpu).includes(memory)) {
    return call.refuse('ClientException', `No Fargate configuration exists for given values: ${String(body['cpu'])} CPU, ${String(body['memory'])} memory. See the Amazon ECS documentation for the valid values (for example cpu '256' with memory '512').`);
  }
  return undefined;
}

async function checkLaunch(call: RuleCall) {
  const body = call.operation.json ?? {};
  const strategy = Array.isArray(body['capacityProviderStrategy']) ? body['capacityProviderStrategy'] as { capacityProvider?: string }[] : [];
  const fargate = body['launchType'] === 'FARGATE' || strategy.some((item) => item.capacityProvider?.startsWith('FARGATE'));
  if (!fargate || typeof body['taskDefinition'] !== 'string') return undefined;
  try {
    const answer = await jsonApi(call.gateway, call.account, 'ecs', 'AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition', { taskDefinition: body['taskDefinition'] });
    const taskDefinition = answer['taskDefinition'] as { networkMode?: string; requiresCompatibilities?: string[] } | undefined;
    if (taskDefinition?.networkMode !== 'awsvpc' || !taskDefinition.requiresCompatibilities?.includes('FARGATE')) {
      return call.refuse('InvalidParameterException', `Task definition does not support launch_type FARGATE: register ${String(body['taskDefinition'])} with requiresCompatibilities ['FARGATE'] and networkMode 'awsvpc'.`);
    }
    const network = body['networkConfiguration'] as { awsvpcConfiguration?: { subnets?: unknown[] } } | undefined;
    if (!network?.awsvpcConfiguration?.subnets?.length) {
      return call.refuse('InvalidParameterException', "Network Configuration must be provided when networkMode 'awsvpc' is specified: add networkConfiguration.awsvpcConfiguration with at least one subnet.");
    }
    return undefined;
  } catch {
    return undefined; // unknown task definition: the backend answers with its own error
  }
}

export const ecsFargate: AwsRule = {
  watches: ['ecs:RegisterTaskDefinition', 'ecs:CreateService', 'ecs:RunTask'],
  check(call) {
    return call.operation.name === 'RegisterTaskDefinition' ? checkTaskDefinition(call) : checkLaunch(call);
  },
};
