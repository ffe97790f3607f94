import { CreateVolumeCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));
const ec2 = new EC2Client({});
// Safe to run again: an earlier run's data-vol is kept, not doubled.
const { Volumes = [] } = await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag:Name', Values: ['data-vol'] }] }));
const volume = Volumes[0] ?? await ec2.send(new CreateVolumeCommand({
  AvailabilityZone: 'us-east-1a',
  Size: 10,
  TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data-vol' }] }],
}));
try {
  await new S3Client({}).send(new CreateBucketCommand({ Bucket: `kv-${Account}` }));
} catch (error) {
  if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
}
console.log('volume', volume.VolumeId);
