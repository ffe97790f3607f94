// Another correct way: the aggregated clients (EC2, S3) instead of commands.
import { EC2 } from '@aws-sdk/client-ec2';
import { S3 } from '@aws-sdk/client-s3';
import { STS } from '@aws-sdk/client-sts';

const { Account } = await new STS({}).getCallerIdentity({});
await new S3({}).createBucket({ Bucket: `kv-${Account}` });
await new EC2({}).createVolume({
  AvailabilityZone: 'us-east-1c',
  Size: 10,
  TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data-vol' }] }],
});
