// Another correct way: roles made first with only a trust policy, the cluster and node group
// created, then the missing policies attached and a wrong size corrected with UpdateNodegroupConfig.
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient, UpdateNodegroupConfigCommand } from '@aws-sdk/client-eks';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';

const iam = new IAMClient({});
const role = async (name: string, service: string) =>
  (await iam.send(new CreateRoleCommand({
    RoleName: name,
    AssumeRolePolicyDocument: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"${service}"},"Action":"sts:AssumeRole"}}`,
  }))).Role!.Arn!;
const clusterRole = await role('eks-cluster-role', 'eks.amazonaws.com');
const nodeRole = await role('eks-node-role', 'ec2.amazonaws.com');

const { Subnets } = await new EC2Client({}).send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
const subnetIds = Subnets!.filter((subnet) => ['us-east-1b', 'us-east-1c'].includes(subnet.AvailabilityZone!)).map((subnet) => subnet.SubnetId!);

const eks = new EKSClient({});
await eks.send(new CreateClusterCommand({ name: 'lab-eks', roleArn: clusterRole, resourcesVpcConfig: { subnetIds } }));
await eks.send(new CreateNodegroupCommand({
  clusterName: 'lab-eks',
  nodegroupName: 'lab-nodes',
  nodeRole,
  subnets: [subnetIds[0]!],
  instanceTypes: ['t3.medium'],
  scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 2 },
}));

await iam.send(new AttachRolePolicyCommand({ RoleName: 'eks-cluster-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' }));
for (const policy of ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly']) {
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'eks-node-role', PolicyArn: `arn:aws:iam::aws:policy/${policy}` }));
}
await eks.send(new UpdateNodegroupConfigCommand({
  clusterName: 'lab-eks',
  nodegroupName: 'lab-nodes',
  scalingConfig: { minSize: 1, desiredSize: 2, maxSize: 3 },
}));
console.log('done');
