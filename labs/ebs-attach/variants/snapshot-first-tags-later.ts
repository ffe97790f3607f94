// Another correct way: zone taken from web-1's subnet, explicit gp3 IOPS/throughput, tags added afterwards
// with CreateTags, and the snapshot taken before the volume is attached.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  waitUntilSnapshotCompleted,
  waitUntilVolumeAvailable,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
const { Reservations } = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web-1'] }] }));
const web1 = Reservations!.flatMap((r) => r.Instances ?? []).find((i) => i.State?.Name === 'running')!;
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [web1.SubnetId!] }));

const { VolumeId } = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: Subnets![0].AvailabilityZone, VolumeType: 'gp3', Size: 10, Iops: 3000, Throughput: 125 }));
await ec2.send(new CreateTagsCommand({ Resources: [VolumeId!], Tags: [{ Key: 'Name', Value: 'data-vol' }] }));
await waitUntilVolumeAvailable({ client: ec2, maxWaitTime: 60, minDelay: 1 }, { VolumeIds: [VolumeId!] });

const { SnapshotId } = await ec2.send(new CreateSnapshotCommand({ VolumeId }));
await waitUntilSnapshotCompleted({ client: ec2, maxWaitTime: 60, minDelay: 1 }, { SnapshotIds: [SnapshotId!] });
await ec2.send(new CreateTagsCommand({ Resources: [SnapshotId!], Tags: [{ Key: 'Name', Value: 'data-vol-backup' }] }));

await ec2.send(new AttachVolumeCommand({ Device: '/dev/sdf', InstanceId: web1.InstanceId, VolumeId }));
console.log(`data-vol ${VolumeId} attached to ${web1.InstanceId}; snapshot ${SnapshotId}`);
