// ec2-launch, reference solution: a key pair, a security group for a web server, one instance.
//ko ec2-launch 정답 코드: 키 페어, 웹 서버용 보안 그룹, 인스턴스 하나.
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
  waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({});

// Your own public address (on real AWS: https://checkip.amazonaws.com). SSH is opened to it alone.
//ko 내 공인 주소입니다 (실제 AWS에서는 https://checkip.amazonaws.com). SSH는 이 주소에만 엽니다.
const MY_IP = '203.0.113.10';

// 1. Key pair. AWS hands out the private key only once, so keep it (on real AWS: write it to lab-key.pem).
//ko 1. 키 페어. AWS는 프라이빗 키를 한 번만 내주므로 잘 보관하세요 (실제 AWS에서는 lab-key.pem 파일로 저장).
const keys = await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-name', Values: ['lab-key'] }] }));
if (keys.KeyPairs?.length) {
  console.log('key pair lab-key already exists');
} else {
  const key = await ec2.send(new CreateKeyPairCommand({ KeyName: 'lab-key' }));
  console.log(`created key pair lab-key (${key.KeyPairId}); private key: ${key.KeyMaterial?.length} characters`);
}

// 2. Security group in the default VPC (no VpcId = the default VPC): web for everyone, SSH for me.
//ko 2. 기본 VPC의 보안 그룹 (VpcId를 주지 않으면 기본 VPC): 웹은 모두에게, SSH는 나에게만.
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

// 3. One web-1: when an earlier run launched it, use that one (a second run must not launch a twin).
//ko 3. web-1은 하나만: 앞선 실행이 이미 시작했다면 그 인스턴스를 씁니다 (다시 실행해도 쌍둥이를 만들지 않게).
const launched = await ec2.send(new DescribeInstancesCommand({
  Filters: [{ Name: 'tag:Name', Values: ['web-1'] }, { Name: 'instance-state-name', Values: ['pending', 'running'] }],
}));
let instanceId = launched.Reservations?.flatMap((r) => r.Instances ?? [])[0]?.InstanceId;
if (instanceId) {
  console.log(`web-1 already exists (${instanceId})`);
} else {
  // The newest Amazon Linux 2023 image, then one t3.micro.
  //ko 최신 Amazon Linux 2023 이미지로 t3.micro 하나를 시작합니다.
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
  instanceId = run.Instances![0].InstanceId!;
  console.log(`launched web-1: ${instanceId} (${run.Instances![0].State?.Name})`);
}

await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 120, minDelay: 2 }, { InstanceIds: [instanceId] });
console.log(`web-1 ${instanceId} is running`);
