// Lab: a managed Kubernetes cluster with EKS.
// Run this file as often as you like: make each step work when its resource already exists.
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateClusterCommand, CreateNodegroupCommand, EKSClient, waitUntilClusterActive } from '@aws-sdk/client-eks';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';

const iam = new IAMClient({});
const eks = new EKSClient({});
const ec2 = new EC2Client({});

// 1. Cluster role `eks-cluster-role`
// TODO: a trust policy that lets eks.amazonaws.com call sts:AssumeRole; CreateRole
// TODO: attach the AWS managed policy AmazonEKSClusterPolicy (arn:aws:iam::aws:policy/...)

// 2. Cluster `lab-eks`
// TODO: find subnets of the default VPC in at least two Availability Zones (DescribeSubnets)
// TODO: CreateCluster with the cluster role and those subnets, then wait until it is ACTIVE

// 3. Node role `eks-node-role`
// TODO: which service do worker nodes run on? Trust that one.
// TODO: attach AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly

// 4. Node group `lab-nodes`
// TODO: CreateNodegroup in lab-eks: t3.medium, min 1, desired 2, max 3, the node role, the subnets
