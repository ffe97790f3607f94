import { describe, expect, it } from 'vitest';
import { EC2Client, CreateSnapshotCommand, CreateVolumeCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { clientConfig, freshAccount } from '../../test/sandbox-context.ts';

const account = freshAccount();
const ec2 = new EC2Client(clientConfig(account));

describe('DescribeSnapshots honours OwnerIds, as AWS does', () => {
  it("a new account owns no snapshots; its own appear under 'self', the AMIs' under 'amazon'", async () => {
    const before = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(before.Snapshots).toEqual([]);

    const { VolumeId } = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp3' }));
    const { SnapshotId } = await ec2.send(new CreateSnapshotCommand({
      VolumeId, TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'mine' }] }],
    }));

    const mine = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(mine.Snapshots?.map((s) => s.SnapshotId)).toEqual([SnapshotId]);
    const byId = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: [account], Filters: [{ Name: 'tag:Name', Values: ['mine'] }] }));
    expect(byId.Snapshots?.map((s) => s.SnapshotId)).toEqual([SnapshotId]);
    const amazon = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['amazon'] }));
    expect(amazon.Snapshots?.length).toBeGreaterThan(0);
    expect(amazon.Snapshots?.some((s) => s.SnapshotId === SnapshotId)).toBe(false);
  });
});
