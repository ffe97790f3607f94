// ebs-attach: give web-1 a data disk and back it up.
// The platform supplies endpoint, region and credentials: keep `new EC2Client({})` as it is.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  EC2Client,
  waitUntilVolumeAvailable,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// 1. TODO: find the running instance tagged Name=web-1 (DescribeInstancesCommand with a tag:Name filter).
//    Note its InstanceId and its availability zone (Placement.AvailabilityZone).

// 2. TODO: create a 10 GiB gp3 volume tagged Name=data-vol in that same zone (CreateVolumeCommand),
//    then wait until it is available (waitUntilVolumeAvailable).

// 3. TODO: attach it to web-1 as /dev/sdf (AttachVolumeCommand).

// 4. TODO: take a snapshot of the volume tagged Name=data-vol-backup (CreateSnapshotCommand).

console.log('TODO: fill in the four steps above, then run again.');
