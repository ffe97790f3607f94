// AWS: an Auto Scaling group's load balancer target groups can be attached as traffic sources
// (CreateAutoScalingGroup's TrafficSources, AttachTrafficSources), the way AWS's documentation now
// recommends; the group then registers its instances in them as with TargetGroupARNs.
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AttachTrafficSources.html
// moto ignores TrafficSources and lacks the three traffic-source calls, so a learner following the
// current documentation got a group with no target group. Target groups (type elbv2, what the labs
// use) are attached here through the older target-group calls, which the backend implements;
// other traffic source types (Classic Load Balancer, VPC Lattice) are refused with a clear message.
import { AwsApiError, answerOf, list, queryApi } from '../aws-api.ts';
import { escapeXml } from '../aws-error.ts';
import { describeGroup } from './auto-scaling-group.ts';
import type { GatewayResponse } from '../types.ts';
import type { AwsRule, RuleCall } from './rule.ts';

interface TrafficSource { identifier: string; type: string }

/** `TrafficSources.member.N.Identifier` / `.Type` from the call's form, in order. */
function trafficSources(form: URLSearchParams): TrafficSource[] {
  const sources: TrafficSource[] = [];
  for (let n = 1; form.has(`TrafficSources.member.${n}.Identifier`); n++) {
    const identifier = form.get(`TrafficSources.member.${n}.Identifier`) ?? '';
    // Type may be left out for a target group: AWS reads it from the ARN.
    sources.push({ identifier, type: form.get(`TrafficSources.member.${n}.Type`) ?? (identifier.includes(':targetgroup/') ? 'elbv2' : '') });
  }
  return sources;
}

function unsupported(call: RuleCall, sources: TrafficSource[]): GatewayResponse | undefined {
  const other = sources.find((source) => source.type !== 'elbv2');
  if (!other) return undefined;
  return call.refuse('ValidationError', `The sandbox attaches only Elastic Load Balancing target groups (type elbv2) as traffic sources, not ${other.type || 'a traffic source of unknown type'} (${other.identifier}).`);
}

/** The query-protocol success answer of an Auto Scaling action, with `result` inside it. */
function answer(action: string, result = ''): GatewayResponse {
  const requestId = crypto.randomUUID();
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<${action}Response xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

async function targetGroupCall(call: RuleCall, action: string, group: string, arns: string[]): Promise<Record<string, unknown>> {
  const params: Record<string, string> = { AutoScalingGroupName: group };
  arns.forEach((arn, index) => { params[`TargetGroupARNs.member.${index + 1}`] = arn; });
  return answerOf(await queryApi(call.gateway, call.account, 'autoscaling', action, params), action);
}

/** The gateway's answer, or the error AWS gives: no such group (moto crashes on it), or the
 *  backend's own (no such target group). */
async function answered(call: RuleCall, group: string, work: () => Promise<GatewayResponse>): Promise<GatewayResponse> {
  try {
    if (!await describeGroup(call, group)) {
      return call.refuse('ValidationError', `AutoScalingGroup name not found - AutoScalingGroup '${group}' not found`);
    }
    return await work();
  } catch (error) {
    if (error instanceof AwsApiError) return call.refuse(error.name, error.message, error.status);
    throw error;
  }
}

async function describe(call: RuleCall, group: string): Promise<GatewayResponse> {
  const wanted = call.operation.form!.get('TrafficSourceType');
  const result = await targetGroupCall(call, 'DescribeLoadBalancerTargetGroups', group, []);
  const members = wanted && wanted !== 'elbv2' ? [] : list(result['LoadBalancerTargetGroups'], 'member');
  const xml = members.map((member) => {
    const arn = escapeXml(String(member['LoadBalancerTargetGroupARN'] ?? ''));
    return `<member><TrafficSource>${arn}</TrafficSource><State>${escapeXml(String(member['State'] ?? 'InService'))}</State><Identifier>${arn}</Identifier><Type>elbv2</Type></member>`;
  }).join('');
  return answer('DescribeTrafficSources', `<TrafficSources>${xml}</TrafficSources>`);
}

export const asgTrafficSources: AwsRule = {
  watches: ['autoscaling:CreateAutoScalingGroup', 'autoscaling:AttachTrafficSources', 'autoscaling:DetachTrafficSources', 'autoscaling:DescribeTrafficSources'],
  check(call) {
    const form = call.operation.form!;
    const group = form.get('AutoScalingGroupName') ?? '';
    const sources = trafficSources(form);
    const refusal = unsupported(call, sources);
    if (refusal) return refusal;
    const arns = sources.map((source) => source.identifier);
    switch (call.operation.name) {
      case 'AttachTrafficSources':
        return answered(call, group, async () => (await targetGroupCall(call, 'AttachLoadBalancerTargetGroups', group, arns), answer('AttachTrafficSources')));
      case 'DetachTrafficSources':
        return answered(call, group, async () => (await targetGroupCall(call, 'DetachLoadBalancerTargetGroups', group, arns), answer('DetachTrafficSources')));
      case 'DescribeTrafficSources':
        return answered(call, group, () => describe(call, group));
      default: // CreateAutoScalingGroup: the backend creates the group; `after` attaches the sources.
        return undefined;
    }
  },
  async after(call) {
    // Runs after every watched call that succeeded, the gateway's own answers included.
    if (call.operation.name !== 'CreateAutoScalingGroup') return;
    const arns = trafficSources(call.operation.form!).map((source) => source.identifier);
    if (arns.length > 0) await targetGroupCall(call, 'AttachLoadBalancerTargetGroups', call.operation.form!.get('AutoScalingGroupName') ?? '', arns);
  },
};
