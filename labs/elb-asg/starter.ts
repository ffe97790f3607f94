// Lab: scale behind a load balancer with ELB and Auto Scaling.
// Run this file as often as you like: make each step work when its resource already exists.
import { CreateLaunchTemplateCommand, DescribeImagesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  PutScalingPolicyCommand,
  TerminateInstanceInAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';

const ec2 = new EC2Client({});
const elb = new ElasticLoadBalancingV2Client({});
const autoscaling = new AutoScalingClient({});

// 0. Find the default VPC and its subnets in two different Availability Zones
// TODO: DescribeVpcs (is-default) and DescribeSubnets

// 1. Launch template `web-lt`
// TODO: find an Amazon Linux 2023 image with DescribeImages (owner amazon)
// TODO: CreateLaunchTemplate: that image, instance type t3.micro

// 2. Target group `web-tg`
// TODO: CreateTargetGroup: HTTP, port 80, the default VPC, health check path /health

// 3. Load balancer `web-alb`
// TODO: CreateLoadBalancer: an internet-facing application load balancer in both subnets
// TODO: CreateListener: HTTP 80, forward to web-tg

// 4. Auto Scaling group `web-asg`
// TODO: CreateAutoScalingGroup: web-lt, min 2, max 4, desired 2, both subnets,
//       web-tg attached, health checks from the load balancer

// 5. Scaling policy
// TODO: PutScalingPolicy: target tracking, the group's average CPU at 50 %

// 6. Watch it heal
// TODO: wait until web-tg has two healthy targets (DescribeTargetHealth),
//       terminate one instance with TerminateInstanceInAutoScalingGroup (keep the desired capacity),
//       and wait until web-tg has two healthy targets again
