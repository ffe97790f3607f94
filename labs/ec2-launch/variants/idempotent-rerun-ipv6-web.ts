// Another correct way: an idempotent script (run twice here, as a learner would), security group by
// name, HTTP also open over IPv6, and an extra non-public rule (ICMP from inside the VPC).
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

async function ensureLab(): Promise<void> {
  const keys = await ec2.send(new DescribeKeyPairsCommand({}));
  if (!keys.KeyPairs?.some((k) => k.KeyName === 'lab-key')) await ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key', KeyType: 'ed25519' }));

  const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['web-sg'] }] }));
  if (!groups.SecurityGroups?.length) {
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({
      GroupName: 'web-sg',
      Description: 'web',
      TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'lab', Value: 'ec2-launch' }] }],
    }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.23/32' }] },
        { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '172.31.0.0/16' }] },
      ],
    }));
  }

  const running = await ec2.send(new DescribeInstancesCommand({
    Filters: [
      { Name: 'tag:Name', Values: ['web-1'] },
      { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
    ],
  }));
  const found = running.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
  if (found.length) {
    console.log(`web-1 already exists: ${found[0].InstanceId}`);
    return;
  }
  const { Images } = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }] }));
  const { Instances } = await ec2.send(new RunInstancesCommand({
    ImageId: Images![0].ImageId,
    InstanceType: 't3.micro',
    KeyName: 'lab-key',
    SecurityGroups: ['web-sg'],
    MinCount: 1,
    MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }, { Key: 'owner', Value: 'me' }] }],
  }));
  console.log(`launched web-1: ${Instances![0].InstanceId}`);
}

await ensureLab();
await ensureLab();
