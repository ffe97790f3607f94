// One Auto Scaling group, asked of the backend in the caller's account.
import { answerOf, list, queryApi } from '../aws-api.ts';
import type { RuleCall } from './rule.ts';

/** The group's DescribeAutoScalingGroups entry, or undefined when there is none of that name. */
export async function describeGroup(call: RuleCall, name: string): Promise<Record<string, unknown> | undefined> {
  const action = 'DescribeAutoScalingGroups';
  const answer = answerOf(await queryApi(call.gateway, call.account, 'autoscaling', action, { 'AutoScalingGroupNames.member.1': name }), action);
  return list(answer['AutoScalingGroups'], 'member')[0];
}
