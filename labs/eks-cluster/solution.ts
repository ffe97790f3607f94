// Reference solution: an EKS cluster across two Availability Zones and a managed node group.
//ko 정답 코드: 가용 영역 두 곳에 걸친 EKS 클러스터와 관리형 노드 그룹.
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  EKSClient,
  waitUntilClusterActive,
  waitUntilNodegroupActive,
} from '@aws-sdk/client-eks';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';

const iam = new IAMClient({});
const eks = new EKSClient({});
const ec2 = new EC2Client({});

/** Creates a role that an AWS service may assume (or finds it), attaches policies, returns its ARN. */
async function serviceRole(roleName: string, service: string, policies: string[]): Promise<string> {
  const trustPolicy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
  let arn: string;
  try {
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trustPolicy) }));
    arn = Role!.Arn!;
    console.log(`Created role ${roleName}`);
  } catch (error) {
    if ((error as Error).name !== 'EntityAlreadyExistsException') throw error;
    arn = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.Arn!;
    console.log(`Role ${roleName} already exists`);
  }
  for (const policy of policies) {
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: `arn:aws:iam::aws:policy/${policy}` }));
  }
  return arn;
}

// 1. The role the control plane assumes.
//ko 1. 컨트롤 플레인이 맡는 역할.
const clusterRoleArn = await serviceRole('eks-cluster-role', 'eks.amazonaws.com', ['AmazonEKSClusterPolicy']);

// 2. The cluster, in default subnets of two Availability Zones.
//ko 2. 가용 영역 두 곳의 기본 서브넷에 만드는 클러스터.
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({
  Filters: [
    { Name: 'default-for-az', Values: ['true'] },
    { Name: 'availability-zone', Values: ['us-east-1a', 'us-east-1b'] },
  ],
}));
const subnetIds = Subnets!.map((subnet) => subnet.SubnetId!);
console.log(`Subnets: ${Subnets!.map((subnet) => `${subnet.SubnetId} (${subnet.AvailabilityZone})`).join(', ')}`);

try {
  await eks.send(new CreateClusterCommand({
    name: 'lab-eks',
    roleArn: clusterRoleArn,
    resourcesVpcConfig: { subnetIds },
  }));
  console.log('Creating cluster lab-eks (on AWS this takes about 10 minutes)');
} catch (error) {
  if ((error as Error).name !== 'ResourceInUseException') throw error;
  console.log('Cluster lab-eks already exists');
}
await waitUntilClusterActive({ client: eks, maxWaitTime: 1800 }, { name: 'lab-eks' });
console.log('Cluster lab-eks is ACTIVE');

// 3. The role the worker nodes (EC2 instances) assume.
//ko 3. 워커 노드(EC2 인스턴스)가 맡는 역할.
const nodeRoleArn = await serviceRole('eks-node-role', 'ec2.amazonaws.com', [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
]);

// 4. A managed node group: EKS runs these instances for us.
//ko 4. 관리형 노드 그룹: 이 인스턴스들은 EKS가 대신 운영합니다.
try {
  await eks.send(new CreateNodegroupCommand({
    clusterName: 'lab-eks',
    nodegroupName: 'lab-nodes',
    nodeRole: nodeRoleArn,
    subnets: subnetIds,
    instanceTypes: ['t3.medium'],
    scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 },
  }));
  console.log('Creating node group lab-nodes');
} catch (error) {
  if ((error as Error).name !== 'ResourceInUseException') throw error;
  console.log('Node group lab-nodes already exists');
}
await waitUntilNodegroupActive({ client: eks, maxWaitTime: 1800 }, { clusterName: 'lab-eks', nodegroupName: 'lab-nodes' });
console.log('Node group lab-nodes is ACTIVE');
