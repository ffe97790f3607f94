// ELB and Auto Scaling look-ups: by name, with "not found" as undefined rather than an error.
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type Action,
  type Listener,
  type LoadBalancer,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeAutoScalingGroupsCommand, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { LabContext } from '../lab.ts';

const named = (error: unknown, ...names: string[]) => names.includes((error as { name?: string }).name ?? '');

export async function findTargetGroup(ctx: LabContext, name: string): Promise<TargetGroup | undefined> {
  try {
    const { TargetGroups } = await ctx.elbv2.send(new DescribeTargetGroupsCommand({ Names: [name] }), { abortSignal: ctx.signal });
    return TargetGroups?.[0];
  } catch (error) {
    if (named(error, 'TargetGroupNotFoundException', 'TargetGroupNotFound')) return undefined;
    throw error;
  }
}

export async function findLoadBalancer(ctx: LabContext, name: string): Promise<LoadBalancer | undefined> {
  try {
    const { LoadBalancers } = await ctx.elbv2.send(new DescribeLoadBalancersCommand({ Names: [name] }), { abortSignal: ctx.signal });
    return LoadBalancers?.[0];
  } catch (error) {
    if (named(error, 'LoadBalancerNotFoundException', 'LoadBalancerNotFound')) return undefined;
    throw error;
  }
}

export async function listenersOf(ctx: LabContext, loadBalancerArn: string): Promise<Listener[]> {
  const listeners: Listener[] = [];
  let Marker: string | undefined;
  do {
    const page = await ctx.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn, Marker }), { abortSignal: ctx.signal });
    listeners.push(...(page.Listeners ?? []));
    Marker = page.NextMarker;
  } while (Marker);
  return listeners;
}

/** Target group ARNs an action forwards to (the short TargetGroupArn form or a ForwardConfig). */
export function forwardTargets(action: Action): string[] {
  if (action.Type !== 'forward') return [];
  const arns = (action.ForwardConfig?.TargetGroups ?? []).flatMap((group) => (group.TargetGroupArn ? [group.TargetGroupArn] : []));
  if (action.TargetGroupArn) arns.push(action.TargetGroupArn);
  return [...new Set(arns)];
}

export async function targetHealth(ctx: LabContext, targetGroupArn: string): Promise<TargetHealthDescription[]> {
  const { TargetHealthDescriptions } = await ctx.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), { abortSignal: ctx.signal });
  return TargetHealthDescriptions ?? [];
}

export async function findAutoScalingGroup(ctx: LabContext, name: string): Promise<AutoScalingGroup | undefined> {
  const { AutoScalingGroups } = await ctx.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }), { abortSignal: ctx.signal });
  return AutoScalingGroups?.find((group) => group.AutoScalingGroupName === name);
}

/** Target group ARNs attached to a group, whether by TargetGroupARNs or as traffic sources. */
export function attachedTargetGroups(group: AutoScalingGroup): string[] {
  const fromSources = (group.TrafficSources ?? [])
    .filter((source) => !source.Type || source.Type === 'elbv2')
    .flatMap((source) => (source.Identifier ? [source.Identifier] : []));
  return [...new Set([...(group.TargetGroupARNs ?? []), ...fromSources])];
}
