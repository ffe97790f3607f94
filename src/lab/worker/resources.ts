// What the learner has made in the lab's services: a short list per kind of resource, for the
// resources panel, in the page's language (AWS's own values, such as states and types, stay as AWS
// writes them). Each lister asks one or two read-only questions; a failing one says so alone.
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
} from '@aws-sdk/client-ec2';
import { ListClustersCommand as ListEcsClustersCommand, ListServicesCommand, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { ListClustersCommand as ListEksClustersCommand } from '@aws-sdk/client-eks';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { LabContext, Service } from '../../../grader/lab.ts';

export interface ResourceGroup {
  service: Service;
  kind: string;
  items: string[];
  error?: string;
}

type Words = typeof words.en;
const words = {
  en: {
    instances: 'EC2 instances', 'key pairs': 'key pairs', 'security groups': 'security groups', volumes: 'EBS volumes', snapshots: 'EBS snapshots',
    buckets: 'S3 buckets', roles: 'IAM roles', functions: 'Lambda functions', services: 'ECS services', 'task definitions': 'ECS task definitions',
    'ecs clusters': 'ECS clusters', 'eks clusters': 'EKS clusters', 'load balancers': 'load balancers', 'target groups': 'target groups',
    'auto scaling groups': 'Auto Scaling groups', 'launch templates': 'launch templates', 'log groups': 'CloudWatch log groups',
    noName: '(no Name tag)', sizes: (min: number, desired: number, max: number) => `min ${min} · desired ${desired} · max ${max}`, count: (n: number) => `${n} instance${n === 1 ? '' : 's'}`,
  },
  ko: {
    instances: 'EC2 인스턴스', 'key pairs': '키 페어', 'security groups': '보안 그룹', volumes: 'EBS 볼륨', snapshots: 'EBS 스냅샷',
    buckets: 'S3 버킷', roles: 'IAM 역할', functions: 'Lambda 함수', services: 'ECS 서비스', 'task definitions': 'ECS 작업 정의',
    'ecs clusters': 'ECS 클러스터', 'eks clusters': 'EKS 클러스터', 'load balancers': '로드 밸런서', 'target groups': '대상 그룹',
    'auto scaling groups': 'Auto Scaling 그룹', 'launch templates': '시작 템플릿', 'log groups': 'CloudWatch 로그 그룹',
    noName: '(Name 태그 없음)', sizes: (min: number, desired: number, max: number) => `최소 ${min} · 희망 ${desired} · 최대 ${max}`, count: (n: number) => `인스턴스 ${n}개`,
  },
};

const nameTag = (tags: { Key?: string; Value?: string }[] | undefined) => tags?.find((tag) => tag.Key === 'Name')?.Value;
const lastPart = (arn: string) => arn.split('/').pop() ?? arn;

const maxItems = 25;

type Lister = (ctx: LabContext, w: Words) => Promise<[kind: keyof Words, items: string[]][]>;

/** One per service of grader/services.ts; null where the service keeps nothing to list. */
export const listers: Record<Service, Lister | null> = {
  async ec2(ctx, w) {
    const [instances, keys, groups, volumes, snapshots] = await Promise.all([
      ctx.ec2.send(new DescribeInstancesCommand({})),
      ctx.ec2.send(new DescribeKeyPairsCommand({})),
      ctx.ec2.send(new DescribeSecurityGroupsCommand({})),
      ctx.ec2.send(new DescribeVolumesCommand({})),
      ctx.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] })),
    ]);
    const running = (instances.Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => i.State?.Name !== 'terminated');
    return [
      ['instances', running.map((i) => `${nameTag(i.Tags) ?? w.noName} · ${i.InstanceId} · ${i.InstanceType} · ${i.State?.Name}`)],
      ['key pairs', (keys.KeyPairs ?? []).map((k) => k.KeyName ?? '?')],
      ['security groups', (groups.SecurityGroups ?? []).filter((g) => g.GroupName !== 'default').map((g) => `${g.GroupName} · ${g.GroupId}`)],
      ['volumes', (volumes.Volumes ?? []).filter((v) => nameTag(v.Tags)).map((v) => `${nameTag(v.Tags)} · ${v.VolumeId} · ${v.VolumeType} ${v.Size} GiB · ${v.AvailabilityZone}`)],
      // The sandbox also lists the snapshots behind its public images as the account's: keep the learner's.
      ['snapshots', (snapshots.Snapshots ?? []).filter((s) => nameTag(s.Tags) || (volumes.Volumes ?? []).some((v) => v.VolumeId === s.VolumeId)).map((s) => `${nameTag(s.Tags) ?? s.SnapshotId} · ${s.State}`)],
    ];
  },
  async s3(ctx) {
    const buckets = await ctx.s3.send(new ListBucketsCommand({}));
    return [['buckets', (buckets.Buckets ?? []).map((b) => b.Name ?? '?')]];
  },
  async iam(ctx) {
    const roles = await ctx.iam.send(new ListRolesCommand({}));
    return [['roles', (roles.Roles ?? []).filter((r) => !r.Path?.startsWith('/aws-service-role/')).map((r) => r.RoleName ?? '?')]];
  },
  async lambda(ctx) {
    const functions = await ctx.lambda.send(new ListFunctionsCommand({}));
    return [['functions', (functions.Functions ?? []).map((f) => `${f.FunctionName} · ${f.Runtime ?? ''}`)]];
  },
  async ecs(ctx) {
    const clusters = (await ctx.ecs.send(new ListEcsClustersCommand({}))).clusterArns ?? [];
    const services = await Promise.all(clusters.map(async (cluster) => ((await ctx.ecs.send(new ListServicesCommand({ cluster }))).serviceArns ?? []).map((arn) => `${lastPart(cluster)}/${lastPart(arn)}`)));
    const families = (await ctx.ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns ?? [];
    return [
      ['ecs clusters', clusters.map(lastPart)],
      ['services', services.flat()],
      ['task definitions', families.map(lastPart)],
    ];
  },
  async eks(ctx) {
    return [['eks clusters', (await ctx.eks.send(new ListEksClustersCommand({}))).clusters ?? []]];
  },
  async elbv2(ctx) {
    const [balancers, groups] = await Promise.all([ctx.elbv2.send(new DescribeLoadBalancersCommand({})), ctx.elbv2.send(new DescribeTargetGroupsCommand({}))]);
    return [
      ['load balancers', (balancers.LoadBalancers ?? []).map((b) => `${b.LoadBalancerName} · ${b.Type} · ${b.Scheme}`)],
      ['target groups', (groups.TargetGroups ?? []).map((g) => `${g.TargetGroupName} · ${g.Protocol}:${g.Port}`)],
    ];
  },
  async autoscaling(ctx, w) {
    const [groups, templates] = await Promise.all([ctx.autoscaling.send(new DescribeAutoScalingGroupsCommand({})), ctx.ec2.send(new DescribeLaunchTemplatesCommand({}))]);
    return [
      ['auto scaling groups', (groups.AutoScalingGroups ?? []).map((g) => `${g.AutoScalingGroupName} · ${w.sizes(g.MinSize ?? 0, g.DesiredCapacity ?? 0, g.MaxSize ?? 0)} · ${w.count(g.Instances?.length ?? 0)}`)],
      ['launch templates', (templates.LaunchTemplates ?? []).map((t) => t.LaunchTemplateName ?? '?')],
    ];
  },
  async logs(ctx) {
    return [['log groups', ((await ctx.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => g.logGroupName ?? '?')]];
  },
  // STS answers who the caller is; it creates nothing.
  sts: null,
};

export async function listResources(ctx: LabContext, services: Service[], lang: 'ko' | 'en'): Promise<ResourceGroup[]> {
  const w = words[lang];
  const groups = await Promise.all(
    services.map(async (service): Promise<ResourceGroup[]> => {
      const lister = listers[service];
      if (!lister) return [];
      try {
        return (await lister(ctx, w)).map(([kind, items]) => ({ service, kind: w[kind] as string, items: items.length > maxItems ? [...items.slice(0, maxItems), `… +${items.length - maxItems}`] : items }));
      } catch (error) {
        return [{ service, kind: '', items: [], error: (error as Error).message.split('\n')[0] }];
      }
    }),
  );
  return groups.flat();
}
