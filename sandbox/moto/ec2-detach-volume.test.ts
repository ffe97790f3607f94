import { describe, expect, it } from 'vitest';
import { EC2Client, RunInstancesCommand, CreateVolumeCommand, AttachVolumeCommand, DetachVolumeCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

const ec2 = new EC2Client(clientConfig(freshAccount()));

describe('DetachVolume finds the instance from the attachment, as AWS does', () => {
  it('detaches with only a VolumeId, and says IncorrectState for a volume that is not attached', async () => {
    const { Instances = [] } = await ec2.send(new RunInstancesCommand({
      ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' },
    }));
    const instanceId = Instances[0]!.InstanceId!;
    const { VolumeId } = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp3' }));
    await ec2.send(new AttachVolumeCommand({ VolumeId, InstanceId: instanceId, Device: '/dev/sdf' }));

    const detached = await ec2.send(new DetachVolumeCommand({ VolumeId }));
    expect(detached.InstanceId).toBe(instanceId);
    expect(detached.Device).toBe('/dev/sdf');
    const { Volumes = [] } = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [VolumeId!] }));
    expect(Volumes[0]?.State).toBe('available');

    const again = await ec2.send(new DetachVolumeCommand({ VolumeId })).catch((error: Error) => error);
    expect((again as Error).name).toBe('IncorrectState');
  });
});
