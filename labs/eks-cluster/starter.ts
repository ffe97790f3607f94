// Lab: a managed Kubernetes cluster with EKS.
//ko 실습: EKS로 관리형 쿠버네티스 클러스터 만들기.
// Run this file as often as you like: make each step work when its resource already exists.
//ko 이 파일은 몇 번이든 실행해도 됩니다. 리소스가 이미 있어도 각 단계가 동작하게 만드세요.
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient, waitUntilClusterActive } from '@aws-sdk/client-eks';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';

const iam = new IAMClient({});
const eks = new EKSClient({});
const ec2 = new EC2Client({});

// 1. Cluster role `eks-cluster-role`
//ko 1. 클러스터 역할 `eks-cluster-role`
// TODO: a trust policy that lets eks.amazonaws.com call sts:AssumeRole; CreateRole
//ko 할 일: eks.amazonaws.com이 sts:AssumeRole을 호출할 수 있게 하는 신뢰 정책; CreateRole
// TODO: attach the AWS managed policy AmazonEKSClusterPolicy (arn:aws:iam::aws:policy/...)
//ko 할 일: AWS 관리형 정책 AmazonEKSClusterPolicy를 연결하세요 (arn:aws:iam::aws:policy/...)

// 2. Cluster `lab-eks`
//ko 2. 클러스터 `lab-eks`
// TODO: find subnets of the default VPC in at least two Availability Zones (DescribeSubnets)
//ko 할 일: 기본 VPC에서 가용 영역 두 곳 이상에 있는 서브넷을 찾으세요 (DescribeSubnets)
// TODO: CreateCluster with the cluster role and those subnets, then wait until it is ACTIVE
//ko 할 일: 클러스터 역할과 그 서브넷으로 CreateCluster를 호출하고, ACTIVE가 될 때까지 기다리세요

// 3. Node role `eks-node-role`
//ko 3. 노드 역할 `eks-node-role`
// TODO: which service do worker nodes run on? Trust that one.
//ko 할 일: 워커 노드는 어느 서비스 위에서 실행될까요? 그 서비스를 신뢰하세요.
// TODO: attach AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly
//ko 할 일: AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly를 연결하세요

// 4. Node group `lab-nodes`
//ko 4. 노드 그룹 `lab-nodes`
// TODO: CreateNodegroup in lab-eks: t3.medium, min 1, desired 2, max 3, the node role, the subnets
//ko 할 일: lab-eks에 CreateNodegroup: t3.medium, 최소 1, 원하는 크기 2, 최대 3, 노드 역할, 서브넷
