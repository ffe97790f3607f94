// ebs-attach, reference solution: a 10 GiB gp3 volume next to web-1, attached as /dev/sdf, and a snapshot of it.
//ko ebs-attach 정답 코드: web-1 옆에 10 GiB gp3 볼륨을 만들어 /dev/sdf로 연결하고, 그 스냅샷을 만듭니다.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  waitUntilSnapshotCompleted,
  waitUntilVolumeAvailable,
  waitUntilVolumeInUse,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// 1. Where does web-1 run? A volume can only be attached to an instance in its own availability zone.
//ko 1. web-1은 어디서 실행 중일까요? 볼륨은 같은 가용 영역의 인스턴스에만 연결할 수 있습니다.
const found = await ec2.send(new DescribeInstancesCommand({
  Filters: [{ Name: 'tag:Name', Values: ['web-1'] }, { Name: 'instance-state-name', Values: ['running'] }],
}));
const web1 = found.Reservations?.[0]?.Instances?.[0];
if (!web1) throw new Error('No running instance tagged Name=web-1: run the lab setup (or the ec2-launch lab) first');
const zone = web1.Placement!.AvailabilityZone!;
console.log(`web-1 is ${web1.InstanceId} in ${zone}`);

// 2. The volume: same zone, gp3, 10 GiB. An earlier run's data-vol is used again, not doubled.
//ko 2. 볼륨: 같은 영역, gp3, 10 GiB. 앞선 실행이 만든 data-vol이 있으면 새로 만들지 않고 그것을 씁니다.
const volumes = await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['data-vol'] }] }));
let volume = volumes.Volumes?.find((v) => v.State === 'available' || v.State === 'in-use' || v.State === 'creating');
if (volume) {
  console.log(`data-vol already exists (${volume.VolumeId}, ${volume.State})`);
} else {
  volume = await ec2.send(new CreateVolumeCommand({
    AvailabilityZone: zone,
    VolumeType: 'gp3',
    Size: 10,
    TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data-vol' }] }],
  }));
  await waitUntilVolumeAvailable({ client: ec2, maxWaitTime: 60, minDelay: 2 }, { VolumeIds: [volume.VolumeId!] });
  console.log(`created data-vol ${volume.VolumeId}: ${volume.VolumeType}, ${volume.Size} GiB, ${volume.AvailabilityZone}`);
}
const volumeId = volume.VolumeId!;

// 3. Attach it (unless it already is). Inside Linux it shows up as a new disk (e.g. /dev/nvme1n1), ready to format and mount.
//ko 3. 연결합니다 (이미 연결돼 있지 않다면). 리눅스 안에서는 새 디스크(예: /dev/nvme1n1)로 보이며, 포맷하고 마운트해 쓸 수 있습니다.
if (!volume.Attachments?.some((a) => a.InstanceId === web1.InstanceId)) {
  await ec2.send(new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: web1.InstanceId!, Device: '/dev/sdf' }));
}
await waitUntilVolumeInUse({ client: ec2, maxWaitTime: 60, minDelay: 2 }, { VolumeIds: [volumeId] });
console.log(`attached ${volumeId} to ${web1.InstanceId} as /dev/sdf`);

// 4. A snapshot: a point-in-time backup of the volume, stored in S3 by AWS and usable in any zone.
//    One is enough: a run that finds one of this volume keeps it.
//ko 4. 스냅샷: 볼륨의 특정 시점 백업으로, AWS가 S3에 저장하며 어느 영역에서나 쓸 수 있습니다.
//ko    하나면 충분합니다: 이 볼륨의 스냅샷이 이미 있으면 그대로 둡니다.
const snapshots = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'volume-id', Values: [volumeId] }] }));
let snapshotId = snapshots.Snapshots?.find((s) => s.State !== 'error')?.SnapshotId;
if (snapshotId) {
  console.log(`snapshot ${snapshotId} of ${volumeId} already exists`);
} else {
  const snapshot = await ec2.send(new CreateSnapshotCommand({
    VolumeId: volumeId,
    Description: 'backup of data-vol',
    TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'data-vol-backup' }] }],
  }));
  snapshotId = snapshot.SnapshotId!;
}
await waitUntilSnapshotCompleted({ client: ec2, maxWaitTime: 120, minDelay: 2 }, { SnapshotIds: [snapshotId] });
console.log(`snapshot ${snapshotId} of ${volumeId} is completed`);
