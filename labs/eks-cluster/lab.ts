// eks-cluster: a managed Kubernetes control plane and a managed node group.
import { DescribeClusterCommand, DescribeNodegroupCommand, type Cluster, type Nodegroup } from '@aws-sdk/client-eks';
import { DescribeLaunchTemplateVersionsCommand } from '@aws-sdk/client-ec2';
import { defineLab, fail, pass, type LabContext, type Text, joinTexts } from '../../grader/lab.ts';
import { subnetZones } from '../../grader/queries/ec2.ts';
import { roleNameOf } from '../../grader/queries/iam.ts';
import { serviceRoleCheck } from '../../grader/queries/service-role-check.ts';

const CLUSTER = 'lab-eks';
const NODEGROUP = 'lab-nodes';

const isNotFound = (error: unknown) => (error as { name?: string }).name === 'ResourceNotFoundException';

async function findCluster(ctx: LabContext): Promise<Cluster | undefined> {
  try {
    return (await ctx.eks.send(new DescribeClusterCommand({ name: CLUSTER }), { abortSignal: ctx.signal })).cluster;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function findNodegroup(ctx: LabContext): Promise<Nodegroup | undefined> {
  try {
    return (await ctx.eks.send(new DescribeNodegroupCommand({ clusterName: CLUSTER, nodegroupName: NODEGROUP }), { abortSignal: ctx.signal })).nodegroup;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The node group's instance types, or those of its launch template when the group names none. */
async function instanceTypesOf(ctx: LabContext, nodegroup: Nodegroup): Promise<string[]> {
  if ((nodegroup.instanceTypes ?? []).length > 0 || !nodegroup.launchTemplate) return nodegroup.instanceTypes ?? [];
  const { id, name, version } = nodegroup.launchTemplate;
  try {
    const { LaunchTemplateVersions } = await ctx.ec2.send(
      new DescribeLaunchTemplateVersionsCommand({
        LaunchTemplateId: id,
        LaunchTemplateName: id ? undefined : name,
        Versions: [version ?? '$Default'],
      }),
      { abortSignal: ctx.signal },
    );
    const type = LaunchTemplateVersions?.[0]?.LaunchTemplateData?.InstanceType;
    return type ? [type] : [];
  } catch {
    return [];
  }
}

export default defineLab({
  id: 'eks-cluster',
  title: { ko: 'EKS로 관리형 쿠버네티스 클러스터 만들기', en: 'Create a managed Kubernetes cluster with EKS' },
  summary: {
    ko: 'AWS가 운영하는 Kubernetes 컨트롤 플레인(EKS 클러스터)을 두 개 이상의 가용 영역에 만들고, 워커 노드를 관리형 노드 그룹으로 붙입니다. 클러스터와 노드가 각각 어떤 IAM 역할로 AWS를 호출하는지 익힙니다.',
    en: 'Create a Kubernetes control plane that AWS runs for you (an EKS cluster) across two or more Availability Zones, then add worker nodes as a managed node group, and learn which IAM role each of them uses to call AWS.',
  },
  lessons: ['eks'],
  services: ['iam', 'eks', 'ec2'],
  steps: [
    {
      id: 'control-plane',
      title: { ko: '컨트롤 플레인', en: 'The control plane' },
      checks: [
        serviceRoleCheck({
          id: 'cluster-role',
          title: { ko: '클러스터 역할 eks-cluster-role', en: 'Cluster role eks-cluster-role' },
          points: 2,
          roleName: 'eks-cluster-role',
          service: 'eks.amazonaws.com',
          policies: ['AmazonEKSClusterPolicy'],
          whyTrust: {
            ko: 'EKS 컨트롤 플레인은 내 계정의 네트워크 인터페이스와 로드 밸런서를 대신 만들고 관리하는데, 그때 클러스터 역할을 수임하므로 역할이 eks.amazonaws.com을 신뢰해야 합니다.',
            en: 'The EKS control plane creates and manages network interfaces and load balancers in your account on your behalf, assuming the cluster role to do so; the role must trust eks.amazonaws.com.',
          },
          whyPolicies: {
            ko: 'AmazonEKSClusterPolicy는 컨트롤 플레인이 EC2와 ELB 자원을 다룰 수 있게 하는 권한입니다.',
            en: 'AmazonEKSClusterPolicy is what lets the control plane manage the EC2 and ELB resources a cluster needs.',
          },
        }),
        {
          id: 'cluster',
          title: { ko: '클러스터 lab-eks', en: 'Cluster lab-eks' },
          points: 3,
          async run(ctx) {
            const cluster = await findCluster(ctx);
            if (!cluster) {
              return fail(
                { ko: `EKS 클러스터 ${CLUSTER}이(가) 없습니다.`, en: `There is no EKS cluster named ${CLUSTER}.` },
                {
                  ko: 'CreateCluster로 만드세요. 클러스터 역할(roleArn)과 서로 다른 가용 영역의 서브넷 두 개 이상(resourcesVpcConfig.subnetIds)이 필요합니다.',
                  en: 'Create it with CreateCluster: it needs the cluster role (roleArn) and subnets in at least two Availability Zones (resourcesVpcConfig.subnetIds).',
                },
              );
            }
            const evidence = cluster.arn ? [cluster.arn] : [];
            const problems: Text[] = [];
            if (cluster.status !== 'ACTIVE') {
              problems.push({ ko: `상태가 ${cluster.status}입니다(ACTIVE여야 함)`, en: `status is ${cluster.status} (expected ACTIVE)` });
            }
            const subnets = cluster.resourcesVpcConfig?.subnetIds ?? [];
            const zones = new Set((await subnetZones(ctx, subnets)).values());
            if (zones.size < 2) {
              problems.push({
                ko: `서브넷이 가용 영역 ${zones.size}개(${[...zones].join(', ') || '없음'})에만 있습니다(2개 이상이어야 함)`,
                en: `its subnets span ${zones.size} Availability Zone(s) (${[...zones].join(', ') || 'none'}); expected at least two`,
              });
            }
            if (roleNameOf(cluster.roleArn) !== 'eks-cluster-role' || !cluster.roleArn?.includes(`:${ctx.account}:`)) {
              problems.push({ ko: `클러스터 역할이 ${cluster.roleArn ?? '없음'}입니다(eks-cluster-role이어야 함)`, en: `its role is ${cluster.roleArn ?? 'none'} (expected eks-cluster-role)` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${CLUSTER}: ${found.ko}.`, en: `${CLUSTER}: ${found.en}.` },
                {
                  ko: 'EKS는 컨트롤 플레인의 네트워크 인터페이스를 두 개 이상의 가용 영역에 두어 한 영역이 멈춰도 Kubernetes API가 살아 있게 합니다. 클러스터의 역할은 만든 뒤에 바꿀 수 없으니, 잘못 만들었다면 DeleteCluster 후 eks-cluster-role과 두 영역의 서브넷으로 다시 만드세요.',
                  en: 'EKS places the control plane\'s network interfaces in two or more Availability Zones so the Kubernetes API survives the loss of one. A cluster\'s role cannot be changed after creation: if it is wrong, DeleteCluster and create it again with eks-cluster-role and subnets in two zones.',
                },
                evidence,
              );
            }
            return pass(
              {
                ko: `${CLUSTER}: ACTIVE, 가용 영역 ${[...zones].sort().join(', ')}, 역할 eks-cluster-role.`,
                en: `${CLUSTER}: ACTIVE, Availability Zones ${[...zones].sort().join(', ')}, role eks-cluster-role.`,
              },
              evidence,
            );
          },
        },
      ],
    },
    {
      id: 'nodes',
      title: { ko: '워커 노드', en: 'Worker nodes' },
      checks: [
        serviceRoleCheck({
          id: 'node-role',
          title: { ko: '노드 역할 eks-node-role', en: 'Node role eks-node-role' },
          points: 2,
          roleName: 'eks-node-role',
          service: 'ec2.amazonaws.com',
          policies: ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly'],
          whyTrust: {
            ko: '워커 노드는 EC2 인스턴스이고, 인스턴스 프로파일을 통해 노드 역할을 수임합니다. 그래서 노드 역할은 eks.amazonaws.com이 아니라 ec2.amazonaws.com을 신뢰해야 합니다.',
            en: 'Worker nodes are EC2 instances that assume the node role through their instance profile, so the node role trusts ec2.amazonaws.com, not eks.amazonaws.com.',
          },
          whyPolicies: {
            ko: '노드가 클러스터에 합류하려면 AmazonEKSWorkerNodePolicy, Pod에 VPC IP를 붙이려면 AmazonEKS_CNI_Policy, ECR에서 컨테이너 이미지를 받으려면 AmazonEC2ContainerRegistryReadOnly가 필요합니다.',
            en: 'Nodes need AmazonEKSWorkerNodePolicy to join the cluster, AmazonEKS_CNI_Policy to give pods VPC IP addresses, and AmazonEC2ContainerRegistryReadOnly to pull container images from ECR.',
          },
        }),
        {
          id: 'nodegroup',
          title: { ko: '노드 그룹 lab-nodes', en: 'Node group lab-nodes' },
          points: 3,
          async run(ctx) {
            const nodegroup = await findNodegroup(ctx);
            if (!nodegroup) {
              return fail(
                { ko: `클러스터 ${CLUSTER}에 노드 그룹 ${NODEGROUP}이(가) 없습니다.`, en: `Cluster ${CLUSTER} has no node group named ${NODEGROUP}.` },
                {
                  ko: '관리형 노드 그룹은 EKS가 대신 만들고 업데이트하는 워커 노드(EC2 인스턴스) 묶음입니다. CreateNodegroup으로 lab-eks에 만드세요(노드 역할, 서브넷, 인스턴스 유형, 크기 지정).',
                  en: 'A managed node group is a set of worker nodes (EC2 instances) that EKS creates and updates for you. Create it in lab-eks with CreateNodegroup (node role, subnets, instance type, scaling).',
                },
              );
            }
            const evidence = nodegroup.nodegroupArn ? [nodegroup.nodegroupArn] : [];
            const problems: Text[] = [];
            const types = await instanceTypesOf(ctx, nodegroup);
            if (types.length !== 1 || types[0] !== 't3.medium') {
              problems.push({ ko: `인스턴스 유형이 [${types.join(', ')}]입니다(t3.medium이어야 함)`, en: `instance types are [${types.join(', ')}] (expected t3.medium)` });
            }
            const { minSize, desiredSize, maxSize } = nodegroup.scalingConfig ?? {};
            if (minSize !== 1 || desiredSize !== 2 || maxSize !== 3) {
              problems.push({
                ko: `크기가 최소 ${minSize ?? '-'}/원하는 크기 ${desiredSize ?? '-'}/최대 ${maxSize ?? '-'}입니다(1/2/3이어야 함)`,
                en: `scaling is min ${minSize ?? '-'}/desired ${desiredSize ?? '-'}/max ${maxSize ?? '-'} (expected 1/2/3)`,
              });
            }
            if (roleNameOf(nodegroup.nodeRole) !== 'eks-node-role' || !nodegroup.nodeRole?.includes(`:${ctx.account}:`)) {
              problems.push({ ko: `노드 역할이 ${nodegroup.nodeRole ?? '없음'}입니다(eks-node-role이어야 함)`, en: `node role is ${nodegroup.nodeRole ?? 'none'} (expected eks-node-role)` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${NODEGROUP}: ${found.ko}.`, en: `${NODEGROUP}: ${found.en}.` },
                {
                  ko: '노드 그룹은 뒤에서 Auto Scaling 그룹으로 움직이므로 최소/원하는/최대 크기를 가집니다. 크기는 UpdateNodegroupConfig로 바꿀 수 있지만, 인스턴스 유형과 노드 역할은 만든 뒤에 바꿀 수 없어 노드 그룹을 지우고 다시 만들어야 합니다.',
                  en: 'A node group is an Auto Scaling group underneath, hence its min/desired/max sizes. UpdateNodegroupConfig changes the sizes; the instance type and node role are fixed at creation, so delete the node group and create it again to change them.',
                },
                evidence,
              );
            }
            return pass(
              { ko: `${NODEGROUP}: t3.medium, 최소 1/원하는 크기 2/최대 3, 노드 역할 eks-node-role.`, en: `${NODEGROUP}: t3.medium, min 1/desired 2/max 3, node role eks-node-role.` },
              evidence,
            );
          },
        },
      ],
    },
  ],
});
