// ebs-attach, reference solution: a 10 GiB gp3 volume next to web-1, attached as /dev/sdf, and a snapshot of it.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  EC2Client,
  waitUntilSnapshotCompleted,
  waitUntilVolumeAvailable,
  waitUntilVolumeInUse,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// 1. Where does web-1 run? A volume can only be attached to an instance in its own availability zone.
const found = await ec2.send(new DescribeInstancesCommand({
  Filters: [{ Name: 'tag:Name', Values: ['web-1'] }, { Name: 'instance-state-name', Values: ['running'] }],
}));
const web1 = found.Reservations?.[0]?.Instances?.[0];
if (!web1) throw new Error('No running instance tagged Name=web-1: run the lab setup (or the ec2-launch lab) first');
const zone = web1.Placement!.AvailabilityZone!;
console.log(`web-1 is ${web1.InstanceId} in ${zone}`);

// 2. The volume: same zone, gp3, 10 GiB. Running this again creates another volume.
const volume = await ec2.send(new CreateVolumeCommand({
  AvailabilityZone: zone,
  VolumeType: 'gp3',
  Size: 10,
  TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data-vol' }] }],
}));
const volumeId = volume.VolumeId!;
await waitUntilVolumeAvailable({ client: ec2, maxWaitTime: 60, minDelay: 2 }, { VolumeIds: [volumeId] });
console.log(`created data-vol ${volumeId}: ${volume.VolumeType}, ${volume.Size} GiB, ${volume.AvailabilityZone}`);

// 3. Attach it. Inside Linux it shows up as a new disk (e.g. /dev/nvme1n1), ready to format and mount.
await ec2.send(new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: web1.InstanceId!, Device: '/dev/sdf' }));
await waitUntilVolumeInUse({ client: ec2, maxWaitTime: 60, minDelay: 2 }, { VolumeIds: [volumeId] });
console.log(`attached ${volumeId} to ${web1.InstanceId} as /dev/sdf`);

// 4. A snapshot: a point-in-time backup of the volume, stored in S3 by AWS and usable in any zone.
const snapshot = await ec2.send(new CreateSnapshotCommand({
  VolumeId: volumeId,
  Description: 'backup of data-vol',
  TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'data-vol-backup' }] }],
}));
await waitUntilSnapshotCompleted({ client: ec2, maxWaitTime: 120, minDelay: 2 }, { SnapshotIds: [snapshot.SnapshotId!] });
console.log(`snapshot ${snapshot.SnapshotId} of ${volumeId} is completed`);
