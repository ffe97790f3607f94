// ebs-attach needs what ec2-launch builds: a running web-1 (with lab-key and web-sg). Creates what is missing.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  RunInstancesCommand,
  waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';
import type { LabContext } from '../../grader/lab.ts';
import { defaultVpcId, instancesNamed } from '../../grader/queries/ec2.ts';

export default async function setup(ctx: LabContext): Promise<void> {
  const { ec2 } = ctx;
  if ((await instancesNamed(ctx, 'web-1')).length > 0) return;

  const keys = await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-name', Values: ['lab-key'] }] }));
  if (!keys.KeyPairs?.length) await ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));

  const vpcId = await defaultVpcId(ctx);
  const groups = await ec2.send(new DescribeSecurityGroupsCommand({
    Filters: [{ Name: 'group-name', Values: ['web-sg'] }, { Name: 'vpc-id', Values: [vpcId ?? ''] }],
  }));
  let groupId = groups.SecurityGroups?.[0]?.GroupId;
  if (!groupId) {
    groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web-sg', Description: 'web server', VpcId: vpcId }))).GroupId!;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.10/32' }] },
      ],
    }));
  }

  const { Images } = await ec2.send(new DescribeImagesCommand({
    Owners: ['amazon'],
    Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }],
  }));
  const image = Images?.sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  if (!image?.ImageId) throw new Error('ebs-attach setup: the sandbox has no Amazon Linux 2023 image in us-east-1; restart the sandbox (npx infralabs sandbox).');
  const { Instances } = await ec2.send(new RunInstancesCommand({
    ImageId: image.ImageId,
    InstanceType: 't3.micro',
    KeyName: 'lab-key',
    SecurityGroupIds: [groupId],
    MinCount: 1,
    MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
  }));
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 60, minDelay: 1, abortSignal: ctx.signal }, { InstanceIds: [Instances![0].InstanceId!] });
}
