// Another correct way: an idempotent script (run twice here) that finds what exists before creating it.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  waitUntilVolumeAvailable,
  waitUntilVolumeInUse,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

async function ensureDataVolume(): Promise<void> {
  const { Reservations } = await ec2.send(new DescribeInstancesCommand({
    Filters: [{ Name: 'tag:Name', Values: ['web-1'] }, { Name: 'instance-state-name', Values: ['running'] }],
  }));
  const web1 = Reservations![0].Instances![0];

  const { Volumes } = await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['data-vol'] }] }));
  let volume = Volumes?.[0];
  if (!volume) {
    volume = await ec2.send(new CreateVolumeCommand({
      AvailabilityZone: web1.Placement!.AvailabilityZone,
      VolumeType: 'gp3',
      Size: 10,
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data-vol' }, { Key: 'team', Value: 'web' }] }],
    }));
    await waitUntilVolumeAvailable({ client: ec2, maxWaitTime: 60, minDelay: 1 }, { VolumeIds: [volume.VolumeId!] });
    console.log(`created ${volume.VolumeId}`);
  }
  if (!volume.Attachments?.length) {
    await ec2.send(new AttachVolumeCommand({ VolumeId: volume.VolumeId, InstanceId: web1.InstanceId, Device: '/dev/sdf' }));
    await waitUntilVolumeInUse({ client: ec2, maxWaitTime: 60, minDelay: 1 }, { VolumeIds: [volume.VolumeId!] });
    console.log(`attached ${volume.VolumeId}`);
  }
  const { Snapshots } = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'volume-id', Values: [volume.VolumeId!] }] }));
  if (!Snapshots?.length) {
    const snapshot = await ec2.send(new CreateSnapshotCommand({
      VolumeId: volume.VolumeId,
      TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'data-vol-backup' }] }],
    }));
    console.log(`snapshot ${snapshot.SnapshotId}`);
  }
}

await ensureDataVolume();
await ensureDataVolume();
