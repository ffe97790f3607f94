import { describe, expect, it } from 'vitest';
import { EC2Client, RunInstancesCommand, CreateVolumeCommand, AttachVolumeCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';

const ec2 = new EC2Client(clientConfig(freshAccount()));

describe('EBS volumes attach only within their availability zone', () => {
  it('refuses a volume from another zone with InvalidVolume.ZoneMismatch and attaches one from the same zone', async () => {
    const { Instances = [] } = await ec2.send(new RunInstancesCommand({
      ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' },
    }));
    const instanceId = Instances[0]!.InstanceId!;
    const far = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1b', Size: 10, VolumeType: 'gp3' }));
    const refused = await ec2.send(new AttachVolumeCommand({ VolumeId: far.VolumeId!, InstanceId: instanceId, Device: '/dev/sdf' })).catch((error: Error) => error);
    expect((refused as Error).name).toBe('InvalidVolume.ZoneMismatch');
    expect((refused as Error).message).toContain('us-east-1a');

    const near = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp3' }));
    await ec2.send(new AttachVolumeCommand({ VolumeId: near.VolumeId!, InstanceId: instanceId, Device: '/dev/sdf' }));
    const { Volumes = [] } = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [near.VolumeId!] }));
    expect(Volumes[0]?.Attachments?.[0]?.InstanceId).toBe(instanceId);
  });
});
