// AWS: an Auto Scaling group needs MinSize <= DesiredCapacity <= MaxSize.
// https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-capacity-limits.html
import { describeGroup } from './auto-scaling-group.ts';
import type { AwsRule, RuleCall } from './rule.ts';

interface Sizes { min?: number; max?: number; desired?: number }

async function currentSizes(call: RuleCall, name: string): Promise<Sizes> {
  const group = await describeGroup(call, name);
  const size = (field: string) => (group?.[field] === undefined ? undefined : Number(group[field]));
  return group ? { min: size('MinSize'), max: size('MaxSize'), desired: size('DesiredCapacity') } : {};
}

const number = (value: string | null) => (value === null ? undefined : Number(value));

export const asgCapacity: AwsRule = {
  watches: ['autoscaling:CreateAutoScalingGroup', 'autoscaling:UpdateAutoScalingGroup', 'autoscaling:SetDesiredCapacity'],
  async check(call) {
    const form = call.operation.form!;
    const given: Sizes = { min: number(form.get('MinSize')), max: number(form.get('MaxSize')), desired: number(form.get('DesiredCapacity')) };
    const sizes = call.operation.name === 'CreateAutoScalingGroup'
      ? given
      : { ...(await currentSizes(call, form.get('AutoScalingGroupName') ?? '')), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    const { min, max, desired } = sizes;
    if (min !== undefined && max !== undefined && max < min) {
      return call.refuse('ValidationError', `Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
    }
    if (desired !== undefined && ((min !== undefined && desired < min) || (max !== undefined && desired > max))) {
      if (call.operation.name === 'SetDesiredCapacity') {
        return call.refuse('ValidationError', `New SetDesiredCapacity value ${desired} is ${max !== undefined && desired > max ? `above max value ${max}` : `below min value ${min}`} for the AutoScalingGroup.`);
      }
      return call.refuse('ValidationError', `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
    }
    return undefined;
  },
};
