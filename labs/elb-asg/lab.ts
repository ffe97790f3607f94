// elb-asg: an Auto Scaling group behind an Application Load Balancer, across two AZs.
import {
  DescribeImagesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  type LaunchTemplate,
} from '@aws-sdk/client-ec2';
import {
  DescribePoliciesCommand,
  TerminateInstanceInAutoScalingGroupCommand,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import { defineLab, fail, pass, type CheckResult, type LabContext, type Text, type TimelineEvent, joinTexts } from '../../grader/lab.ts';
import { defaultVpcId, subnetZones } from '../../grader/queries/ec2.ts';
import {
  attachedTargetGroups,
  findAutoScalingGroup,
  findLoadBalancer,
  findTargetGroup,
  forwardTargets,
  listenersOf,
  targetHealth,
} from '../../grader/queries/elb.ts';

const LT = 'web-lt';
const TG = 'web-tg';
const ALB = 'web-alb';
const ASG = 'web-asg';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

async function findLaunchTemplate(ctx: LabContext): Promise<LaunchTemplate | undefined> {
  try {
    const { LaunchTemplates } = await ctx.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [LT] }), { abortSignal: ctx.signal });
    return LaunchTemplates?.[0];
  } catch (error) {
    if (/NotFound/.test((error as { name?: string }).name ?? '')) return undefined;
    throw error;
  }
}

async function imageExists(ctx: LabContext, imageId: string): Promise<boolean> {
  // A launch template may name an SSM parameter that AWS resolves at launch.
  if (imageId.startsWith('resolve:ssm:')) return true;
  try {
    const { Images } = await ctx.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }), { abortSignal: ctx.signal });
    return (Images ?? []).length > 0;
  } catch (error) {
    if (/InvalidAMIID/.test((error as { name?: string }).name ?? '')) return false;
    throw error;
  }
}

const noGroup = (): CheckResult =>
  fail(
    { ko: `Auto Scaling 그룹 ${ASG}이(가) 없습니다.`, en: `There is no Auto Scaling group named ${ASG}.` },
    {
      ko: 'CreateAutoScalingGroup으로 시작 템플릿, 크기, 서브넷, 대상 그룹을 지정해 만드세요.',
      en: 'Create it with CreateAutoScalingGroup, naming the launch template, the sizes, the subnets and the target group.',
    },
  );

/** The launch template a group launches from, wherever the group keeps it. */
function groupLaunchTemplate(group: AutoScalingGroup) {
  return group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
}

// Processes whose suspension stops a group from replacing an instance or registering the new one.
const healingProcesses = ['Launch', 'Terminate', 'HealthCheck', 'ReplaceUnhealthy', 'AddToLoadBalancer'];

export default defineLab({
  id: 'elb-asg',
  title: { ko: '로드 밸런서 뒤에서 확장하기: ELB와 Auto Scaling', en: 'Scale behind a load balancer: ELB and Auto Scaling' },
  summary: {
    ko: '시작 템플릿으로 인스턴스를 찍어 내는 Auto Scaling 그룹을 두 가용 영역에 걸쳐 만들고, Application Load Balancer가 건강한 인스턴스에만 트래픽을 보내게 합니다. 인스턴스 하나가 사라져도 그룹이 스스로 대신할 인스턴스를 띄워 대상 그룹에 등록하는 모습을 확인합니다.',
    en: 'Build an Auto Scaling group that launches instances from a launch template across two Availability Zones, put an Application Load Balancer in front that sends traffic only to healthy instances, and watch the group replace a lost instance and register the new one by itself.',
  },
  lessons: ['elb', 'auto-scaling', 'elb-auto-scaling'],
  services: ['ec2', 'elbv2', 'autoscaling'],
  steps: [
    {
      id: 'load-balancing',
      title: { ko: '시작 템플릿과 로드 밸런서', en: 'Launch template and load balancer' },
      checks: [
        {
          id: 'launch-template',
          title: { ko: '시작 템플릿 web-lt', en: 'Launch template web-lt' },
          points: 1,
          async run(ctx) {
            const template = await findLaunchTemplate(ctx);
            if (!template) {
              return fail(
                { ko: `시작 템플릿 ${LT}이(가) 없습니다.`, en: `There is no launch template named ${LT}.` },
                {
                  ko: 'Auto Scaling 그룹은 새 인스턴스를 띄울 때마다 시작 템플릿에 적힌 AMI와 인스턴스 유형을 씁니다. CreateLaunchTemplate으로 만드세요.',
                  en: 'An Auto Scaling group launches every new instance from the AMI and instance type in its launch template. Create one with CreateLaunchTemplate.',
                },
              );
            }
            const evidence = template.LaunchTemplateId ? [template.LaunchTemplateId] : [];
            const { LaunchTemplateVersions } = await ctx.ec2.send(
              new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: template.LaunchTemplateId, Versions: ['$Default'] }),
              { abortSignal: ctx.signal },
            );
            const data = LaunchTemplateVersions?.[0]?.LaunchTemplateData ?? {};
            const version = template.DefaultVersionNumber;
            const problems: Text[] = [];
            if (data.InstanceType !== 't3.micro') {
              problems.push({ ko: `인스턴스 유형이 ${data.InstanceType ?? '없음'}입니다(t3.micro여야 함)`, en: `instance type is ${data.InstanceType ?? 'unset'} (expected t3.micro)` });
            }
            if (!data.ImageId) {
              problems.push({ ko: '이미지 ID(ImageId)가 없습니다', en: 'it has no image id (ImageId)' });
            } else if (!(await imageExists(ctx, data.ImageId))) {
              problems.push({ ko: `이미지 ${data.ImageId}을(를) 찾을 수 없습니다`, en: `image ${data.ImageId} does not exist` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${LT}의 기본 버전(${version}): ${found.ko}.`, en: `${LT}'s default version (${version}): ${found.en}.` },
                {
                  ko: '시작 템플릿의 버전은 고칠 수 없습니다. CreateLaunchTemplateVersion으로 t3.micro와 존재하는 AMI(예: DescribeImages로 찾은 Amazon Linux 2023)를 담은 새 버전을 만들고 ModifyLaunchTemplate으로 기본 버전으로 정하세요.',
                  en: 'Launch template versions are immutable: create a new version with CreateLaunchTemplateVersion (t3.micro and an AMI that exists, e.g. Amazon Linux 2023 found with DescribeImages) and make it the default with ModifyLaunchTemplate.',
                },
                evidence,
              );
            }
            return pass(
              { ko: `${LT}의 기본 버전(${version}): t3.micro, 이미지 ${data.ImageId}.`, en: `${LT}'s default version (${version}): t3.micro, image ${data.ImageId}.` },
              evidence,
            );
          },
        },
        {
          id: 'target-group',
          title: { ko: '대상 그룹 web-tg', en: 'Target group web-tg' },
          points: 2,
          async run(ctx) {
            const group = await findTargetGroup(ctx, TG);
            if (!group) {
              return fail(
                { ko: `대상 그룹 ${TG}이(가) 없습니다.`, en: `There is no target group named ${TG}.` },
                {
                  ko: '대상 그룹은 로드 밸런서가 요청을 나눠 줄 대상(인스턴스)의 목록이자, 대상이 건강한지 확인하는 방법(상태 확인)입니다. CreateTargetGroup으로 만드세요.',
                  en: 'A target group is the list of targets (instances) the load balancer spreads requests over, and how it checks they are healthy. Create it with CreateTargetGroup.',
                },
              );
            }
            const evidence = group.TargetGroupArn ? [group.TargetGroupArn] : [];
            const vpc = await defaultVpcId(ctx);
            const problems: Text[] = [];
            if (group.Protocol !== 'HTTP' || group.Port !== 80) {
              problems.push({ ko: `프로토콜/포트가 ${group.Protocol}:${group.Port}입니다(HTTP:80이어야 함)`, en: `protocol/port is ${group.Protocol}:${group.Port} (expected HTTP:80)` });
            }
            if (!vpc || group.VpcId !== vpc) {
              problems.push({ ko: `VPC가 ${group.VpcId ?? '없음'}입니다(기본 VPC ${vpc ?? '없음'}여야 함)`, en: `VPC is ${group.VpcId ?? 'none'} (expected the default VPC ${vpc ?? '(none)'})` });
            }
            if (group.HealthCheckPath !== '/health') {
              problems.push({ ko: `상태 확인 경로가 ${group.HealthCheckPath ?? '없음'}입니다(/health여야 함)`, en: `health check path is ${group.HealthCheckPath ?? 'unset'} (expected /health)` });
            }
            // The web server speaks plain HTTP on 80: a check over HTTPS or on another port never
            // reaches it, so on AWS every target stays unhealthy (the sandbox does not probe).
            const checkProtocol = group.HealthCheckProtocol ?? 'HTTP';
            if (checkProtocol !== 'HTTP') {
              problems.push({ ko: `상태 확인 프로토콜이 ${checkProtocol}입니다(HTTP여야 함)`, en: `health check protocol is ${checkProtocol} (expected HTTP)` });
            }
            const checkPort = group.HealthCheckPort ?? 'traffic-port';
            if (checkPort !== 'traffic-port' && checkPort !== '80') {
              problems.push({ ko: `상태 확인 포트가 ${checkPort}입니다(traffic-port 또는 80이어야 함)`, en: `health check port is ${checkPort} (expected traffic-port or 80)` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${TG}: ${found.ko}.`, en: `${TG}: ${found.en}.` },
                {
                  ko: '로드 밸런서는 상태 확인 경로(/health)에 주기적으로 요청을 보내 200을 돌려주는 대상에만 트래픽을 보냅니다. 웹 서버는 80 포트에서 HTTP로 답하므로 상태 확인도 HTTP로, 트래픽 포트(traffic-port, 기본값)나 80으로 보내야 합니다. 다른 포트나 HTTPS로 확인하면 실제 AWS에서는 모든 대상이 unhealthy가 되고, 상태 확인 유형이 ELB인 그룹은 인스턴스를 끝없이 교체합니다. 상태 확인 설정(HealthCheckPath, HealthCheckProtocol, HealthCheckPort)은 ModifyTargetGroup으로 바꿀 수 있지만, 대상 그룹의 프로토콜·포트·VPC는 만든 뒤에 바꿀 수 없어 대상 그룹을 다시 만들어야 합니다.',
                  en: 'The load balancer requests the health check path (/health) regularly and sends traffic only to targets that answer 200. The web server answers plain HTTP on port 80, so the health check must use HTTP on the traffic port (traffic-port, the default) or 80: checked on another port or over HTTPS, every target stays unhealthy on AWS and a group with ELB health checks replaces its instances without end. ModifyTargetGroup changes the health check (HealthCheckPath, HealthCheckProtocol, HealthCheckPort); the target group\'s own protocol, port and VPC are fixed at creation, so changing them means a new target group.',
                },
                evidence,
              );
            }
            return pass({ ko: `${TG}: HTTP:80, 기본 VPC, 상태 확인 HTTP ${checkPort} /health.`, en: `${TG}: HTTP:80, default VPC, health check HTTP ${checkPort} /health.` }, evidence);
          },
        },
        {
          id: 'load-balancer',
          title: { ko: '로드 밸런서 web-alb', en: 'Load balancer web-alb' },
          points: 3,
          async run(ctx) {
            const alb = await findLoadBalancer(ctx, ALB);
            if (!alb) {
              return fail(
                { ko: `로드 밸런서 ${ALB}이(가) 없습니다.`, en: `There is no load balancer named ${ALB}.` },
                {
                  ko: 'CreateLoadBalancer로 Application Load Balancer를 만드세요(Type application, Scheme internet-facing, 두 가용 영역의 서브넷).',
                  en: 'Create an Application Load Balancer with CreateLoadBalancer (Type application, Scheme internet-facing, subnets in two Availability Zones).',
                },
              );
            }
            const evidence = alb.LoadBalancerArn ? [alb.LoadBalancerArn] : [];
            const problems: Text[] = [];
            if (alb.Type !== 'application') {
              problems.push({ ko: `유형이 ${alb.Type}입니다(application이어야 함)`, en: `type is ${alb.Type} (expected application)` });
            }
            // Scheme defaults to internet-facing; some backends leave it out when it was not given.
            const scheme = alb.Scheme ?? 'internet-facing';
            if (scheme !== 'internet-facing') {
              problems.push({ ko: `체계(Scheme)가 ${alb.Scheme}입니다(internet-facing이어야 함)`, en: `scheme is ${alb.Scheme} (expected internet-facing)` });
            }
            const zones = new Set((alb.AvailabilityZones ?? []).flatMap((zone) => (zone.ZoneName ? [zone.ZoneName] : [])));
            if (zones.size < 2) {
              problems.push({ ko: `가용 영역이 ${zones.size}개(${[...zones].join(', ') || '없음'})입니다(2개 이상)`, en: `it is in ${zones.size} Availability Zone(s) (${[...zones].join(', ') || 'none'}); expected at least two` });
            }
            const targetGroup = await findTargetGroup(ctx, TG);
            const listeners = alb.LoadBalancerArn ? await listenersOf(ctx, alb.LoadBalancerArn) : [];
            const http80 = listeners.filter((listener) => listener.Protocol === 'HTTP' && listener.Port === 80);
            const forwards = http80.some((listener) =>
              (listener.DefaultActions ?? []).some((action) => targetGroup?.TargetGroupArn !== undefined && forwardTargets(action).includes(targetGroup.TargetGroupArn)));
            if (http80.length === 0) {
              const found = listeners.map((listener) => `${listener.Protocol}:${listener.Port}`).join(', ') || '-';
              problems.push({ ko: `HTTP:80 리스너가 없습니다(리스너: ${found})`, en: `it has no HTTP:80 listener (listeners: ${found})` });
            } else if (!forwards) {
              problems.push({ ko: `HTTP:80 리스너의 기본 동작이 ${TG}(으)로 전달(forward)하지 않습니다`, en: `the HTTP:80 listener's default action does not forward to ${TG}` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${ALB}: ${found.ko}.`, en: `${ALB}: ${found.en}.` },
                {
                  ko: 'ALB는 서로 다른 가용 영역 두 곳 이상에 노드를 두어 한 영역이 멈춰도 요청을 받습니다. 인터넷에서 들어오는 요청을 받으려면 internet-facing이어야 하고, 리스너(HTTP:80)의 기본 동작이 대상 그룹으로 forward해야 요청이 인스턴스에 닿습니다. 리스너는 CreateListener나 ModifyListener로, 서브넷은 SetSubnets로 고칠 수 있습니다.',
                  en: 'An ALB keeps nodes in two or more Availability Zones so it keeps answering when one zone fails. It must be internet-facing to take requests from the internet, and its listener (HTTP:80) must forward to the target group for requests to reach the instances. CreateListener or ModifyListener fix the listener, SetSubnets the subnets.',
                },
                evidence,
              );
            }
            return pass(
              { ko: `${ALB}: internet-facing ALB, 가용 영역 ${[...zones].sort().join(', ')}, HTTP:80 → ${TG}.`, en: `${ALB}: internet-facing ALB in ${[...zones].sort().join(', ')}, HTTP:80 → ${TG}.` },
              evidence,
            );
          },
        },
      ],
    },
    {
      id: 'auto-scaling',
      title: { ko: 'Auto Scaling 그룹', en: 'The Auto Scaling group' },
      checks: [
        {
          id: 'asg',
          title: { ko: 'Auto Scaling 그룹 web-asg', en: 'Auto Scaling group web-asg' },
          points: 3,
          async run(ctx) {
            const group = await findAutoScalingGroup(ctx, ASG);
            if (!group) return noGroup();
            const evidence = group.AutoScalingGroupARN ? [group.AutoScalingGroupARN] : [];
            const problems: Text[] = [];
            const spec = groupLaunchTemplate(group);
            const template = await findLaunchTemplate(ctx);
            const usesTemplate = spec !== undefined && template !== undefined
              && (spec.LaunchTemplateName === LT || spec.LaunchTemplateId === template.LaunchTemplateId);
            if (!usesTemplate) {
              const found = spec?.LaunchTemplateName ?? spec?.LaunchTemplateId ?? group.LaunchConfigurationName ?? '-';
              problems.push({ ko: `시작 템플릿이 ${found}입니다(${LT}이어야 함)`, en: `launch template is ${found} (expected ${LT})` });
            } else {
              // The version the group launches, which need not be the default one judged above.
              const version = spec.Version ?? '$Default';
              const { LaunchTemplateVersions } = await ctx.ec2.send(
                new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: template.LaunchTemplateId, Versions: [version] }),
                { abortSignal: ctx.signal },
              );
              const launched = LaunchTemplateVersions?.[0]?.LaunchTemplateData?.InstanceType;
              if (launched !== 't3.micro') {
                problems.push({ ko: `${LT}의 버전 ${version}(으)로 인스턴스를 띄우는데, 그 유형이 ${launched ?? '없음'}입니다(t3.micro여야 함)`, en: `it launches ${LT} version ${version}, whose instance type is ${launched ?? 'unset'} (expected t3.micro)` });
              }
              const overrides = (group.MixedInstancesPolicy?.LaunchTemplate?.Overrides ?? []).flatMap((o) => (o.InstanceType && o.InstanceType !== 't3.micro' ? [o.InstanceType] : []));
              if (overrides.length > 0) {
                problems.push({ ko: `혼합 인스턴스 정책이 유형을 ${overrides.join(', ')}(으)로 바꿉니다(t3.micro여야 함)`, en: `its mixed instances policy overrides the type with ${overrides.join(', ')} (expected t3.micro)` });
              }
            }
            if (group.MinSize !== 2 || group.MaxSize !== 4 || group.DesiredCapacity !== 2) {
              problems.push({
                ko: `크기가 최소 ${group.MinSize}/최대 ${group.MaxSize}/원하는 용량 ${group.DesiredCapacity}입니다(2/4/2여야 함)`,
                en: `sizes are min ${group.MinSize}/max ${group.MaxSize}/desired ${group.DesiredCapacity} (expected 2/4/2)`,
              });
            }
            const subnets = (group.VPCZoneIdentifier ?? '').split(',').map((id) => id.trim()).filter(Boolean);
            const zones = subnets.length > 0 ? new Set((await subnetZones(ctx, subnets)).values()) : new Set(group.AvailabilityZones ?? []);
            if (zones.size < 2) {
              problems.push({ ko: `가용 영역이 ${zones.size}개(${[...zones].join(', ') || '없음'})입니다(2개 이상)`, en: `it spans ${zones.size} Availability Zone(s) (${[...zones].join(', ') || 'none'}); expected at least two` });
            }
            const targetGroup = await findTargetGroup(ctx, TG);
            if (!targetGroup?.TargetGroupArn || !attachedTargetGroups(group).includes(targetGroup.TargetGroupArn)) {
              problems.push({ ko: `대상 그룹 ${TG}이(가) 연결되어 있지 않습니다`, en: `target group ${TG} is not attached` });
            }
            if (group.HealthCheckType !== 'ELB') {
              problems.push({ ko: `상태 확인 유형이 ${group.HealthCheckType}입니다(ELB여야 함)`, en: `health check type is ${group.HealthCheckType} (expected ELB)` });
            }
            if (problems.length > 0) {
              const found = joinTexts(problems);
              return fail(
                { ko: `${ASG}: ${found.ko}.`, en: `${ASG}: ${found.en}.` },
                {
                  ko: '그룹에 대상 그룹을 연결해 두어야 그룹이 새로 띄운 인스턴스가 자동으로 로드 밸런서에 등록됩니다. 상태 확인 유형을 ELB로 하면 EC2 상태 확인뿐 아니라 로드 밸런서의 상태 확인에 실패한 인스턴스도 교체합니다. 서브넷을 두 가용 영역 이상에 두면 한 영역이 멈춰도 다른 영역에서 인스턴스가 살아 있습니다. 그룹이 시작 템플릿의 특정 버전(Version)을 가리키면 기본 버전을 고쳐도 그 버전으로 인스턴스를 띄웁니다. UpdateAutoScalingGroup으로 고치고, 대상 그룹은 AttachTrafficSources(AWS의 현재 방식. AttachLoadBalancerTargetGroups는 예전 방식)로 연결합니다.',
                  en: 'With the target group attached, every instance the group launches is registered with the load balancer by itself. Health check type ELB makes the group replace instances that fail the load balancer\'s health check, not only EC2 status checks. Subnets in two or more zones keep instances running when one zone fails. A group that names a version of the launch template (Version) launches that version, whatever the default is. UpdateAutoScalingGroup fixes these, and AttachTrafficSources (AWS\'s current way; AttachLoadBalancerTargetGroups is the older one) attaches the target group.',
                },
                evidence,
              );
            }
            return pass(
              {
                ko: `${ASG}: ${LT}, 최소 2/최대 4/원하는 용량 2, 가용 영역 ${[...zones].sort().join(', ')}, ${TG} 연결, 상태 확인 ELB.`,
                en: `${ASG}: ${LT}, min 2/max 4/desired 2, zones ${[...zones].sort().join(', ')}, ${TG} attached, health check ELB.`,
              },
              evidence,
            );
          },
        },
        {
          id: 'scaling-policy',
          title: { ko: 'CPU 50% 대상 추적 정책', en: 'Target tracking on CPU 50%' },
          points: 2,
          async run(ctx) {
            const { ScalingPolicies } = await ctx.autoscaling.send(new DescribePoliciesCommand({ AutoScalingGroupName: ASG }), { abortSignal: ctx.signal });
            const policies = ScalingPolicies ?? [];
            const match = policies.find((policy) =>
              policy.PolicyType === 'TargetTrackingScaling'
              && policy.TargetTrackingConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType === 'ASGAverageCPUUtilization'
              && policy.TargetTrackingConfiguration.TargetValue === 50);
            if (!match) {
              const found = policies.map((policy) => {
                const config = policy.TargetTrackingConfiguration;
                const metric = config?.PredefinedMetricSpecification?.PredefinedMetricType ?? (config?.CustomizedMetricSpecification ? 'custom metric' : undefined);
                return `${policy.PolicyName} (${policy.PolicyType}${metric ? `, ${metric}` : ''}${config?.TargetValue !== undefined ? ` ${config.TargetValue}` : ''})`;
              }).join(', ');
              return fail(
                {
                  ko: `${ASG}에 ASGAverageCPUUtilization 목표 50인 대상 추적 정책이 없습니다(정책: ${found || '없음'}).`,
                  en: `${ASG} has no target tracking policy on ASGAverageCPUUtilization with target 50 (policies: ${found || 'none'}).`,
                },
                {
                  ko: '대상 추적 정책은 지표(그룹 평균 CPU)를 목표값 가까이 유지하도록 Auto Scaling이 알아서 인스턴스를 늘리고 줄이게 합니다. PutScalingPolicy에 PolicyType TargetTrackingScaling과 PredefinedMetricType ASGAverageCPUUtilization, TargetValue 50을 주세요. 같은 PolicyName으로 다시 부르면 정책이 바뀝니다.',
                  en: 'A target tracking policy lets Auto Scaling add and remove instances to keep a metric (the group\'s average CPU) near a target. Call PutScalingPolicy with PolicyType TargetTrackingScaling, PredefinedMetricType ASGAverageCPUUtilization and TargetValue 50; calling it again with the same PolicyName updates the policy.',
                },
                policies.flatMap((policy) => (policy.PolicyARN ? [policy.PolicyARN] : [])),
              );
            }
            return pass(
              { ko: `${match.PolicyName}: 평균 CPU 50%를 목표로 하는 대상 추적 정책.`, en: `${match.PolicyName}: target tracking on average CPU, target 50.` },
              match.PolicyARN ? [match.PolicyARN] : [],
            );
          },
        },
        {
          id: 'self-healing',
          title: { ko: '건강한 인스턴스 2개와 자동 교체', en: 'Two healthy instances, replaced when lost' },
          points: 3,
          // The check terminates an instance and waits for the group to launch and register another.
          timeoutMs: 45_000,
          async run(ctx) {
            // Independent reads go together: this check waits on the group's healing, so every
            // round trip saved before and after the termination counts.
            const [group, targetGroup] = await Promise.all([findAutoScalingGroup(ctx, ASG), findTargetGroup(ctx, TG)]);
            if (!group) return noGroup();
            if (!targetGroup?.TargetGroupArn) {
              return fail(
                { ko: `대상 그룹 ${TG}이(가) 없어 인스턴스 등록을 확인할 수 없습니다.`, en: `There is no target group ${TG} to find the instances in.` },
                { ko: '먼저 대상 그룹 web-tg를 만들고 그룹에 연결하세요.', en: 'Create the target group web-tg first and attach it to the group.' },
              );
            }
            const tgArn = targetGroup.TargetGroupArn;
            const suspended = (group.SuspendedProcesses ?? []).map((p) => p.ProcessName ?? '').filter((name) => healingProcesses.includes(name));
            if (suspended.length > 0) {
              return fail(
                { ko: `${ASG}의 프로세스 ${suspended.join(', ')}이(가) 일시 중지되어 있어 잃은 인스턴스를 대신하거나 등록하지 못합니다.`, en: `${ASG} has ${suspended.join(', ')} suspended, so it cannot replace a lost instance or register the new one.` },
                {
                  ko: 'Auto Scaling은 Launch, Terminate, HealthCheck, ReplaceUnhealthy, AddToLoadBalancer 프로세스로 인스턴스를 교체하고 로드 밸런서에 등록합니다. ResumeProcesses로 다시 켜세요.',
                  en: 'Auto Scaling replaces instances and registers them through its Launch, Terminate, HealthCheck, ReplaceUnhealthy and AddToLoadBalancer processes. Turn them back on with ResumeProcesses.',
                },
                group.AutoScalingGroupARN ? [group.AutoScalingGroupARN] : [],
              );
            }
            const inService = (g: AutoScalingGroup) => (g.Instances ?? []).filter((i) => i.LifecycleState === 'InService').map((i) => i.InstanceId!);
            const healthyIn = async () =>
              new Set((await targetHealth(ctx, tgArn)).filter((t) => t.TargetHealth?.State === 'healthy').map((t) => t.Target?.Id ?? ''));
            const before = inService(group);
            const healthy = await healthyIn();
            const unregistered = before.filter((id) => !healthy.has(id));
            if (before.length < 2 || unregistered.length > 0) {
              return fail(
                {
                  ko: `${ASG}의 InService 인스턴스 ${before.length}개(${before.join(', ') || '없음'}) 중 ${TG}에 healthy로 등록되지 않은 것: ${unregistered.join(', ') || '없음'}. InService 인스턴스 2개 이상이 모두 healthy로 등록되어 있어야 합니다.`,
                  en: `${ASG} has ${before.length} InService instance(s) (${before.join(', ') || 'none'}); not registered healthy in ${TG}: ${unregistered.join(', ') || 'none'}. Expected at least two, all registered and healthy.`,
                },
                {
                  ko: '그룹에 대상 그룹이 연결되어 있으면 그룹이 띄운 인스턴스는 자동으로 등록됩니다. 직접 RegisterTargets/DeregisterTargets로 손대지 말고 그룹에 맡기세요. healthy가 아니라면 인스턴스가 상태 확인 경로(/health)에 200으로 답하는지 확인하세요.',
                  en: 'When the target group is attached to the group, the instances it launches are registered by themselves: leave registration to the group rather than calling RegisterTargets/DeregisterTargets. If a target is not healthy, check that the instance answers 200 on the health check path (/health).',
                },
                before,
              );
            }
            // Fault tolerance, observed: lose one instance and watch the group heal. Its settings
            // stay as the learner made them; only one instance is swapped for a new one.
            const victim = before[0]!;
            // What happens, with the seconds each step took: shown to the learner as a timeline.
            await ctx.autoscaling.send(
              new TerminateInstanceInAutoScalingGroupCommand({ InstanceId: victim, ShouldDecrementDesiredCapacity: false }),
              { abortSignal: ctx.signal },
            );
            const started = Date.now();
            const timeline: TimelineEvent[] = [];
            const note = (event: Text) => timeline.push({ event, seconds: Math.round((Date.now() - started) / 100) / 10 });
            note({ ko: `채점기가 ${victim}을(를) 종료함`, en: `the grader terminated ${victim}` });
            const deadline = Date.now() + 30_000;
            let replacement: string[] = [];
            let registered = new Set<string>();
            let launchedNoted = false;
            let registeredNoted = false;
            while (!ctx.signal.aborted) {
              const [now, targets] = await Promise.all([findAutoScalingGroup(ctx, ASG), targetHealth(ctx, tgArn)]);
              replacement = (now ? inService(now) : []).filter((id) => !before.includes(id));
              registered = new Set(targets.filter((t) => t.TargetHealth?.State === 'healthy').map((t) => t.Target?.Id ?? ''));
              const inTargetGroup = new Set(targets.map((t) => t.Target?.Id ?? ''));
              if (replacement.length > 0 && !launchedNoted) {
                launchedNoted = true;
                note({ ko: `그룹이 대신할 ${replacement.join(', ')}을(를) 띄움`, en: `the group launched ${replacement.join(', ')} in its place` });
              }
              if (replacement.length > 0 && !registeredNoted && replacement.every((id) => inTargetGroup.has(id))) {
                registeredNoted = true;
                note({ ko: `${TG}에 등록됨`, en: `registered in ${TG}` });
              }
              if (replacement.length > 0 && replacement.every((id) => registered.has(id))) {
                note({ ko: '상태 확인 통과(healthy)', en: 'healthy' });
                return {
                  ...pass(
                    {
                      ko: `InService 인스턴스 ${before.length}개가 모두 ${TG}에서 healthy입니다. 채점기가 ${victim}을(를) 종료하자 그룹이 ${replacement.join(', ')}을(를) 띄워 ${TG}에 healthy로 등록했습니다.`,
                      en: `All ${before.length} InService instances are healthy in ${TG}. The grader terminated ${victim}; the group launched ${replacement.join(', ')} and registered it healthy in ${TG}.`,
                    },
                    [victim, ...replacement],
                  ),
                  timeline,
                };
              }
              if (Date.now() > deadline) break;
              await sleep(1000, ctx.signal);
            }
            const notRegistered = replacement.filter((id) => !registered.has(id));
            const failed = fail(
              replacement.length === 0
                ? {
                    ko: `채점기가 ${victim}을(를) 종료했지만 ${ASG}이(가) 30초 안에 대신할 인스턴스를 띄우지 않았습니다.`,
                    en: `The grader terminated ${victim}, but ${ASG} launched no replacement within 30 s.`,
                  }
                : {
                    ko: `채점기가 ${victim}을(를) 종료하자 그룹이 ${replacement.join(', ')}을(를) 띄웠지만 ${notRegistered.join(', ')}이(가) ${TG}에 healthy로 등록되지 않았습니다.`,
                    en: `The grader terminated ${victim}; the group launched ${replacement.join(', ')}, but ${notRegistered.join(', ')} is not registered healthy in ${TG}.`,
                  },
              {
                ko: '인스턴스를 손으로 대상 그룹에 등록하면 그룹이 새로 띄운 인스턴스는 등록되지 않습니다. 대상 그룹을 그룹에 연결(TrafficSources/AttachTrafficSources, 또는 예전 방식인 TargetGroupARNs/AttachLoadBalancerTargetGroups)해야 교체된 인스턴스도 자동으로 트래픽을 받습니다.',
                en: 'Instances registered in the target group by hand do not include the ones the group launches later. Attach the target group to the group (TrafficSources/AttachTrafficSources, AWS\'s current way, or the older TargetGroupARNs/AttachLoadBalancerTargetGroups) so that replacements get traffic by themselves.',
              },
              [victim, ...replacement],
            );
            return { ...failed, timeline };
          },
        },
      ],
    },
  ],
});
