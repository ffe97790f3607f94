// Lab: scale behind a load balancer with ELB and Auto Scaling.
//ko 실습: ELB와 Auto Scaling으로 로드 밸런서 뒤에서 확장하세요.
// Run this file as often as you like: make each step work when its resource already exists.
//ko 이 파일은 몇 번이든 실행해도 됩니다. 리소스가 이미 있어도 각 단계가 동작하게 만드세요.
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
//ko 0. 기본 VPC와, 서로 다른 가용 영역 두 곳에 있는 그 서브넷을 찾으세요
// TODO: DescribeVpcs (is-default) and DescribeSubnets
//ko 할 일: DescribeVpcs (is-default)와 DescribeSubnets

// 1. Launch template `web-lt`
//ko 1. 시작 템플릿 `web-lt`
// TODO: find an Amazon Linux 2023 image with DescribeImages (owner amazon)
//ko 할 일: DescribeImages로 Amazon Linux 2023 이미지를 찾으세요 (소유자 amazon)
// TODO: CreateLaunchTemplate: that image, instance type t3.micro
//ko 할 일: CreateLaunchTemplate: 그 이미지, 인스턴스 유형 t3.micro

// 2. Target group `web-tg`
//ko 2. 대상 그룹 `web-tg`
// TODO: CreateTargetGroup: HTTP, port 80, the default VPC, health check path /health
//ko 할 일: CreateTargetGroup: HTTP, 포트 80, 기본 VPC, 상태 확인 경로 /health

// 3. Load balancer `web-alb`
//ko 3. 로드 밸런서 `web-alb`
// TODO: CreateLoadBalancer: an internet-facing application load balancer in both subnets
//ko 할 일: CreateLoadBalancer: 두 서브넷에 걸친 internet-facing Application Load Balancer
// TODO: CreateListener: HTTP 80, forward to web-tg
//ko 할 일: CreateListener: HTTP 80, web-tg로 forward

// 4. Auto Scaling group `web-asg`
//ko 4. Auto Scaling 그룹 `web-asg`
// TODO: CreateAutoScalingGroup: web-lt, min 2, max 4, desired 2, both subnets,
//       web-tg attached, health checks from the load balancer
//ko 할 일: CreateAutoScalingGroup: web-lt, 최소 2, 최대 4, 원하는 용량 2, 두 서브넷,
//ko       web-tg 연결, 로드 밸런서의 상태 확인 사용

// 5. Scaling policy
//ko 5. 조정 정책
// TODO: PutScalingPolicy: target tracking, the group's average CPU at 50 %
//ko 할 일: PutScalingPolicy: 대상 추적, 그룹의 평균 CPU 50 %

// 6. Watch it heal
//ko 6. 회복하는 모습 보기
// TODO: wait until web-tg has two healthy targets (DescribeTargetHealth),
//       terminate one instance with TerminateInstanceInAutoScalingGroup (keep the desired capacity),
//       and wait until web-tg has two healthy targets again
//ko 할 일: web-tg에 healthy 대상이 두 개가 될 때까지 기다리고 (DescribeTargetHealth),
//ko       TerminateInstanceInAutoScalingGroup으로 인스턴스 하나를 종료한 뒤 (원하는 용량은 그대로 두세요),
//ko       web-tg에 healthy 대상이 다시 두 개가 될 때까지 기다리세요
