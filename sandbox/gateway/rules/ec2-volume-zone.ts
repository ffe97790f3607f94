// AWS: an EBS volume can be attached only to an instance in its own Availability Zone.
// https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html
import { internalClient } from '../internal-clients.ts';
import type { AwsRule } from './rule.ts';

export const ec2VolumeZone: AwsRule = {
  watches: ['ec2:AttachVolume'],
  async check(call) {
    const form = call.operation.form!;
    const volumeId = form.get('VolumeId') ?? '';
    const instanceId = form.get('InstanceId') ?? '';
    const { EC2Client, DescribeVolumesCommand, DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
    const ec2 = internalClient(call.gateway, EC2Client, call.account);
    try {
      const [volumes, instances] = await Promise.all([
        ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })),
        ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
      ]);
      const volumeZone = volumes.Volumes?.[0]?.AvailabilityZone;
      const instanceZone = instances.Reservations?.[0]?.Instances?.[0]?.Placement?.AvailabilityZone;
      if (!volumeZone || !instanceZone || volumeZone === instanceZone) return undefined;
      return call.refuse('InvalidVolume.ZoneMismatch',
        `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}' (volume in ${volumeZone}, instance in ${instanceZone}): create the volume in ${instanceZone}.`);
    } catch {
      return undefined; // a missing volume or instance: the backend answers with its own not-found error
    }
  },
};
