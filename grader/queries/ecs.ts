// ECS questions: the latest active task definition of a family, Fargate sizes, a service's launch type.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  type Cluster,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { LabContext } from '../lab.ts';

/** The cluster when it exists and is ACTIVE (a deleted cluster is still described, as INACTIVE). */
export async function findActiveCluster(ctx: LabContext, name: string): Promise<Cluster | undefined> {
  const { clusters } = await ctx.ecs.send(new DescribeClustersCommand({ clusters: [name] }), { abortSignal: ctx.signal });
  return clusters?.find((cluster) => cluster.clusterName === name && cluster.status === 'ACTIVE');
}

/** The latest ACTIVE revision of a task definition family, or undefined. */
export async function latestTaskDefinition(ctx: LabContext, family: string): Promise<TaskDefinition | undefined> {
  try {
    // Given a bare family, ECS answers with its latest ACTIVE revision.
    const { taskDefinition } = await ctx.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }), { abortSignal: ctx.signal });
    if (taskDefinition?.status !== 'INACTIVE') return taskDefinition;
    // A backend that answers with a deregistered revision (moto did): ask for the active ones.
    const { taskDefinitionArns = [] } = await ctx.ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC' }),
      { abortSignal: ctx.signal },
    );
    const latest = taskDefinitionArns.find((arn) => taskDefinitionFamily(arn) === family);
    if (!latest) return undefined;
    return (await ctx.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: latest }), { abortSignal: ctx.signal })).taskDefinition;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'ClientException' || name === 'InvalidParameterException') return undefined;
    throw error;
  }
}

/** One task definition by family:revision or ARN, or undefined when ECS does not know it. */
export async function describeTaskDefinition(ctx: LabContext, taskDefinition: string): Promise<TaskDefinition | undefined> {
  try {
    return (await ctx.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal: ctx.signal })).taskDefinition;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'ClientException' || name === 'InvalidParameterException') return undefined;
    throw error;
  }
}

/** The service when it exists in the cluster and is not being deleted. */
export async function findService(ctx: LabContext, cluster: string, name: string): Promise<Service | undefined> {
  try {
    const { services } = await ctx.ecs.send(new DescribeServicesCommand({ cluster, services: [name] }), { abortSignal: ctx.signal });
    return services?.find((service) => service.serviceName === name && service.status === 'ACTIVE');
  } catch (error) {
    if ((error as { name?: string }).name === 'ClusterNotFoundException') return undefined;
    throw error;
  }
}

/** The family of a task definition ARN (arn:...:task-definition/hello-task:3 -> hello-task). */
export function taskDefinitionFamily(arnOrName: string | undefined): string | undefined {
  const match = /(?:task-definition\/)?([^/:]+)(?::\d+)?$/.exec(arnOrName ?? '');
  return match?.[1];
}

/** CPU units from "256", "0.25 vCPU" or "1 vcpu". */
export function cpuUnits(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^\s*([\d.]+)\s*(vcpu)?\s*$/i.exec(value);
  if (!match) return undefined;
  return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

/** Memory in MiB from "512", "0.5 GB" or "2 gb". */
export function memoryMiB(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^\s*([\d.]+)\s*(gb)?\s*$/i.exec(value);
  if (!match) return undefined;
  return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

// AWS's table of task sizes Fargate accepts (cpu units -> allowed memory in MiB).
const range = (from: number, to: number, step: number) =>
  Array.from({ length: (to - from) / step + 1 }, (_, index) => from + index * step);
const fargateSizes: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

/** True when the task-level cpu/memory pair is one Fargate can run. */
export function isValidFargateSize(cpu: string | undefined, memory: string | undefined): boolean {
  const units = cpuUnits(cpu);
  const mib = memoryMiB(memory);
  return units !== undefined && mib !== undefined && (fargateSizes[units]?.includes(mib) ?? false);
}
