// Another correct way: node role first, trust policies with arrays and extra actions, roles under
// a path, the cluster in three zones, and the node group's instance type from a launch template.
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateLaunchTemplateCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';

const iam = new IAMClient({});
const trust = (service: string) => JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Trust', Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
});

const node = await iam.send(new CreateRoleCommand({ RoleName: 'eks-node-role', Path: '/eks/', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
for (const policy of ['AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy', 'AmazonEKSWorkerNodePolicy']) {
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'eks-node-role', PolicyArn: `arn:aws:iam::aws:policy/${policy}` }));
}
const cluster = await iam.send(new CreateRoleCommand({ RoleName: 'eks-cluster-role', Path: '/eks/', AssumeRolePolicyDocument: trust('eks.amazonaws.com') }));
await iam.send(new AttachRolePolicyCommand({ RoleName: 'eks-cluster-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' }));

const ec2 = new EC2Client({});
const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }] }));
const subnetIds = Subnets!.map((subnet) => subnet.SubnetId!);

const eks = new EKSClient({});
await eks.send(new CreateClusterCommand({
  name: 'lab-eks',
  version: '1.31',
  roleArn: cluster.Role!.Arn,
  resourcesVpcConfig: { subnetIds, endpointPublicAccess: true },
}));

const { LaunchTemplate } = await ec2.send(new CreateLaunchTemplateCommand({
  LaunchTemplateName: 'lab-nodes-lt',
  LaunchTemplateData: { InstanceType: 't3.medium' },
}));
await eks.send(new CreateNodegroupCommand({
  clusterName: 'lab-eks',
  nodegroupName: 'lab-nodes',
  nodeRole: node.Role!.Arn,
  subnets: subnetIds,
  launchTemplate: { id: LaunchTemplate!.LaunchTemplateId, version: '1' },
  scalingConfig: { maxSize: 3, minSize: 1, desiredSize: 2 },
}));
console.log('done');
