// Another correct way: import my own public key, name the default VPC explicitly, one rule per call,
// protocol given as a number, launch untagged and add the Name tag afterwards.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeVpcsCommand,
  EC2Client,
  ImportKeyPairCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});
const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDHihVUZMY5II6Qi5WXFTCwmK+9+zntRkRH/6lp87DTl learner@laptop';
await ec2.send(new ImportKeyPairCommand({ KeyName: 'lab-key', PublicKeyMaterial: new TextEncoder().encode(publicKey) }));

const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web', VpcId: Vpcs![0].VpcId }));
await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }));
await ec2.send(new AuthorizeSecurityGroupIngressCommand({
  GroupId,
  IpPermissions: [{ IpProtocol: '6', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '192.0.2.44/32' }] }],
}));

const { Images } = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-kernel-6.1-x86_64'] }] }));
const { Instances } = await ec2.send(new RunInstancesCommand({
  ImageId: Images![0].ImageId,
  InstanceType: 't3.micro',
  KeyName: 'lab-key',
  SecurityGroupIds: [GroupId!],
  MinCount: 1,
  MaxCount: 1,
}));
await ec2.send(new CreateTagsCommand({ Resources: [Instances![0].InstanceId!], Tags: [{ Key: 'Name', Value: 'web-1' }] }));
console.log(`web-1: ${Instances![0].InstanceId}`);
