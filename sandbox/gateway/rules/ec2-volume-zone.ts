// AWS: an EBS volume can be attached only to an instance in its own Availability Zone.
// https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html
import { answerOf, list, queryApi } from '../aws-api.ts';
import type { AwsRule } from './rule.ts';

export const ec2VolumeZone: AwsRule = {
  watches: ['ec2:AttachVolume'],
  async check(call) {
    const form = call.operation.form!;
    const volumeId = form.get('VolumeId') ?? '';
    const instanceId = form.get('InstanceId') ?? '';
    const ec2 = (action: string, params: Record<string, string>) =>
      queryApi(call.gateway, call.account, 'ec2', action, params).then((document) => answerOf(document, action));
    try {
      const [volumes, instances] = await Promise.all([
        ec2('DescribeVolumes', { 'VolumeId.1': volumeId }),
        ec2('DescribeInstances', { 'InstanceId.1': instanceId }),
      ]);
      const volumeZone = list(volumes['volumeSet'])[0]?.['availabilityZone'] as string | undefined;
      const instance = list(list(instances['reservationSet'])[0]?.['instancesSet'])[0];
      const instanceZone = (instance?.['placement'] as Record<string, unknown> | undefined)?.['availabilityZone'] as string | undefined;
      if (!volumeZone || !instanceZone || volumeZone === instanceZone) return undefined;
      return call.refuse('InvalidVolume.ZoneMismatch',
        `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}' (volume in ${volumeZone}, instance in ${instanceZone}): create the volume in ${instanceZone}.`);
    } catch {
      return undefined; // a missing volume or instance: the backend answers with its own not-found error
    }
  },
};
