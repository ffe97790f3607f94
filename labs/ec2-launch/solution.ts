// ec2-launch, reference solution: a key pair, a security group for a web server, one instance.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RunInstancesCommand,
  waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// Your own public address (on real AWS: https://checkip.amazonaws.com). SSH is opened to it alone.
const MY_IP = '203.0.113.10';

// 1. Key pair. AWS hands out the private key only once, so keep it (on real AWS: write it to lab-key.pem).
const keys = await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-name', Values: ['lab-key'] }] }));
if (keys.KeyPairs?.length) {
  console.log('key pair lab-key already exists');
} else {
  const key = await ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
  console.log(`created key pair lab-key (${key.KeyPairId}); private key: ${key.KeyMaterial?.length} characters`);
}

// 2. Security group in the default VPC (no VpcId = the default VPC): web for everyone, SSH for me.
const existing = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['web-sg'] }] }));
let groupId = existing.SecurityGroups?.[0]?.GroupId;
if (groupId) {
  console.log(`security group web-sg already exists (${groupId})`);
} else {
  const group = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web server: HTTP from anywhere, SSH from my address' }));
  groupId = group.GroupId!;
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({
    GroupId: groupId,
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTP from anywhere' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${MY_IP}/32`, Description: 'SSH from my address only' }] },
    ],
  }));
  console.log(`created security group web-sg (${groupId}): TCP 80 from 0.0.0.0/0, TCP 22 from ${MY_IP}/32`);
}

// 3. The newest Amazon Linux 2023 image, then one t3.micro. Running this part again launches another instance.
const images = await ec2.send(new DescribeImagesCommand({
  Owners: ['amazon'],
  Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }, { Name: 'state', Values: ['available'] }],
}));
const image = images.Images?.sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
if (!image?.ImageId) throw new Error('No Amazon Linux 2023 image found in this region');
console.log(`image: ${image.Name} (${image.ImageId})`);

const run = await ec2.send(new RunInstancesCommand({
  ImageId: image.ImageId,
  InstanceType: 't3.micro',
  KeyName: 'lab-key',
  SecurityGroupIds: [groupId],
  MinCount: 1,
  MaxCount: 1,
  TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
}));
const instanceId = run.Instances![0].InstanceId!;
console.log(`launched web-1: ${instanceId} (${run.Instances![0].State?.Name})`);

await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 120, minDelay: 2 }, { InstanceIds: [instanceId] });
console.log(`web-1 ${instanceId} is running`);
