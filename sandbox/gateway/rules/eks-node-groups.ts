// AWS: a managed node group is EC2 instances in an Auto Scaling group that EKS creates, sizes and
// deletes with the node group; the instances carry the cluster's and node group's tags.
// https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html
// moto's node groups name an Auto Scaling group (resources.autoScalingGroups) but create nothing,
// so learners looked in EC2 for their nodes and found none. The gateway creates that group
// (with a launch template of the node group's instance type on moto's EKS node AMI, or the node
// group's own launch template), resizes it with UpdateNodegroupConfig and removes it with
// DeleteNodegroup. The instances run nothing: there is no Kubernetes in the sandbox.
import { answerOf, callAws, list, queryApi } from '../aws-api.ts';
import type { AwsRule, RuleCall } from './rule.ts';
import { textOf } from '../bytes.ts';

interface Nodegroup {
  nodegroupName?: string;
  clusterName?: string;
  subnets?: string[];
  instanceTypes?: string[];
  scalingConfig?: { minSize?: number; maxSize?: number; desiredSize?: number };
  launchTemplate?: { id?: string; name?: string; version?: string };
  resources?: { autoScalingGroups?: { name?: string }[] };
}

/** The `nodegroup` of an EKS answer's JSON body. */
function nodegroupOf(body: Uint8Array | string): Nodegroup {
  try {
    return (JSON.parse(textOf(body)) as { nodegroup?: Nodegroup }).nodegroup ?? {};
  } catch {
    return {};
  }
}

const groupName = (nodegroup: Nodegroup) => nodegroup.resources?.autoScalingGroups?.[0]?.name;

function autoscaling(call: RuleCall, action: string, params: Record<string, string>) {
  return queryApi(call.gateway, call.account, 'autoscaling', action, params);
}

function sizes(nodegroup: Nodegroup): Record<string, string> {
  const { minSize, maxSize, desiredSize } = nodegroup.scalingConfig ?? {};
  const params: Record<string, string> = {};
  if (minSize !== undefined) params['MinSize'] = String(minSize);
  if (maxSize !== undefined) params['MaxSize'] = String(maxSize);
  if (desiredSize !== undefined) params['DesiredCapacity'] = String(desiredSize);
  return params;
}

/** The node group's own launch template, or one made for it with EKS's node image. */
async function launchTemplate(call: RuleCall, nodegroup: Nodegroup, name: string): Promise<Record<string, string> | undefined> {
  const own = nodegroup.launchTemplate;
  if (own?.id || own?.name) {
    return { ...(own.id ? { 'LaunchTemplate.LaunchTemplateId': own.id } : { 'LaunchTemplate.LaunchTemplateName': own.name! }), 'LaunchTemplate.Version': own.version ?? '$Default' };
  }
  const images = answerOf(await queryApi(call.gateway, call.account, 'ec2', 'DescribeImages', {
    'Owner.1': 'amazon', 'Filter.1.Name': 'name', 'Filter.1.Value.1': 'amazon-eks-node-*',
  }), 'DescribeImages');
  const imageId = list(images['imagesSet'])[0]?.['imageId'];
  if (!imageId) return undefined;
  await queryApi(call.gateway, call.account, 'ec2', 'CreateLaunchTemplate', {
    LaunchTemplateName: name,
    'LaunchTemplateData.ImageId': String(imageId),
    'LaunchTemplateData.InstanceType': nodegroup.instanceTypes?.[0] ?? 't3.medium',
  });
  return { 'LaunchTemplate.LaunchTemplateName': name, 'LaunchTemplate.Version': '$Default' };
}

async function createGroup(call: RuleCall, nodegroup: Nodegroup): Promise<void> {
  const name = groupName(nodegroup);
  if (!name) return;
  const template = await launchTemplate(call, nodegroup, name);
  if (!template) {
    call.gateway.log(`EKS node group ${nodegroup.nodegroupName}: no EKS node image in this backend, so no instances were launched`);
    return;
  }
  const tags: [string, string][] = [
    ['eks:cluster-name', nodegroup.clusterName ?? ''],
    ['eks:nodegroup-name', nodegroup.nodegroupName ?? ''],
    [`kubernetes.io/cluster/${nodegroup.clusterName}`, 'owned'],
  ];
  const params: Record<string, string> = { AutoScalingGroupName: name, VPCZoneIdentifier: (nodegroup.subnets ?? []).join(','), ...template, ...sizes(nodegroup) };
  tags.forEach(([key, value], index) => {
    Object.assign(params, {
      [`Tags.member.${index + 1}.Key`]: key, [`Tags.member.${index + 1}.Value`]: value, [`Tags.member.${index + 1}.PropagateAtLaunch`]: 'true',
    });
  });
  await autoscaling(call, 'CreateAutoScalingGroup', params);
}

async function describeNodegroup(call: RuleCall): Promise<Nodegroup> {
  const path = call.exchange.request.path.replace(/\/update-config\/?$/, '');
  const answer = await callAws(call.gateway, { account: call.account, service: 'eks', method: 'GET', path });
  return nodegroupOf(answer.body);
}

export const eksNodeGroups: AwsRule = {
  watches: ['eks:CreateNodegroup', 'eks:UpdateNodegroupConfig', 'eks:DeleteNodegroup'],
  async after(call, response) {
    if (call.gateway.backend.kind === 'external') return;
    try {
      if (call.operation.name === 'CreateNodegroup') {
        await createGroup(call, nodegroupOf(response.body));
      } else if (call.operation.name === 'UpdateNodegroupConfig') {
        const nodegroup = await describeNodegroup(call);
        const name = groupName(nodegroup);
        if (name) await autoscaling(call, 'UpdateAutoScalingGroup', { AutoScalingGroupName: name, ...sizes(nodegroup) });
      } else {
        const name = groupName(nodegroupOf(response.body));
        if (!name) return;
        await autoscaling(call, 'DeleteAutoScalingGroup', { AutoScalingGroupName: name, ForceDelete: 'true' });
        await queryApi(call.gateway, call.account, 'ec2', 'DeleteLaunchTemplate', { LaunchTemplateName: name }).catch(() => undefined);
      }
    } catch (error) {
      // The node group itself stands; only its stand-in instances are missing.
      call.gateway.log(`EKS node group instances (${call.operation.name}): ${(error as Error).message}`);
    }
  },
};
