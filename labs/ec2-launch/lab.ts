// ec2-launch: key pair, security group and one instance (spec: /work/shared/labs.md).
import { DescribeKeyPairsCommand, DescribeSecurityGroupsCommand, type Instance, type SecurityGroup } from '@aws-sdk/client-ec2';
import { defineLab, fail, pass, type Check, type LabContext, type Text } from '../../grader/lab.ts';
import { everyResource, type ResourceSource } from '../../grader/queries/every-resource.ts';
import {
  allowsTcpPort,
  defaultVpcId,
  describeSource,
  inboundSources,
  instancesNamed,
  isWorld,
  securityGroupsNamed,
} from '../../grader/queries/ec2.ts';

const KEY = 'lab-key';
const SG = 'web-sg';
const NAME = 'web-1';
const TYPE = 't3.micro';

/** The web-sg groups to judge: the one(s) in the default VPC, else any (that check fails on its own). */
async function webSecurityGroups(ctx: LabContext): Promise<SecurityGroup[]> {
  const groups = await securityGroupsNamed(ctx, SG);
  const vpc = await defaultVpcId(ctx);
  const inDefault = groups.filter((g) => g.VpcId === vpc);
  return inDefault.length > 0 ? inDefault : groups;
}

const noGroup = () =>
  fail(
    { ko: `이름이 ${SG}인 보안 그룹이 없습니다.`, en: `There is no security group named ${SG}.` },
    {
      ko: `먼저 기본 VPC에 ${SG} 보안 그룹을 만드세요(CreateSecurityGroup). 규칙은 그 다음에 추가합니다.`,
      en: `Create the ${SG} security group in the default VPC first (CreateSecurityGroup); rules come next.`,
    },
  );

const noInstance = () =>
  fail(
    { ko: `Name=${NAME} 태그가 붙은 (종료되지 않은) 인스턴스가 없습니다.`, en: `There is no (non-terminated) instance tagged Name=${NAME}.` },
    {
      ko: `RunInstances로 인스턴스를 시작하고 TagSpecifications로 Name=${NAME} 태그를 붙이세요.`,
      en: `Launch an instance with RunInstances and tag it Name=${NAME} (TagSpecifications).`,
    },
  );

const keyPairExists: Check = {
  id: 'key-pair-exists',
  title: { ko: `키 페어 ${KEY}`, en: `Key pair ${KEY}` },
  points: 1,
  async run(ctx) {
    const { KeyPairs } = await ctx.ec2.send(
      new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-name', Values: [KEY] }] }),
      { abortSignal: ctx.signal },
    );
    const key = KeyPairs?.find((k) => k.KeyName === KEY);
    if (key) return pass({ ko: `키 페어 ${KEY}가 있습니다.`, en: `Key pair ${KEY} exists.` }, [key.KeyPairId ?? KEY]);
    const others = (KeyPairs ?? []).map((k) => k.KeyName).join(', ');
    return fail(
      {
        ko: `키 페어 ${KEY}가 없습니다${others ? ` (있는 것: ${others})` : ''}.`,
        en: `There is no key pair named ${KEY}${others ? ` (found: ${others})` : ''}.`,
      },
      {
        ko: `CreateKeyPair로 ${KEY}를 만드세요. AWS는 개인 키를 만들 때 한 번만 돌려주므로, 실제 계정에서는 그 키를 파일로 안전하게 저장해야 SSH로 접속할 수 있습니다.`,
        en: `Create ${KEY} with CreateKeyPair. AWS returns the private key only once, at creation: on a real account, save it to a file or you can never SSH in with it.`,
      },
    );
  },
};

const sgInDefaultVpc: Check = {
  id: 'sg-in-default-vpc',
  title: { ko: `기본 VPC의 보안 그룹 ${SG}`, en: `Security group ${SG} in the default VPC` },
  points: 1,
  async run(ctx) {
    const groups = await securityGroupsNamed(ctx, SG);
    if (groups.length === 0) return noGroup();
    const vpc = await defaultVpcId(ctx);
    const inDefault = groups.find((g) => g.VpcId === vpc);
    if (inDefault) {
      return pass({ ko: `${SG}(${inDefault.GroupId})가 기본 VPC ${vpc}에 있습니다.`, en: `${SG} (${inDefault.GroupId}) is in the default VPC ${vpc}.` }, [inDefault.GroupId!]);
    }
    const where = groups.map((g) => `${g.GroupId} in ${g.VpcId}`).join(', ');
    return fail(
      { ko: `${SG}가 기본 VPC(${vpc})가 아닌 곳에 있습니다: ${where}.`, en: `${SG} is not in the default VPC (${vpc}): ${where}.` },
      {
        ko: `보안 그룹은 VPC 하나에 속하고, 같은 VPC의 인스턴스에만 붙일 수 있습니다. CreateSecurityGroup에서 VpcId를 빼거나 기본 VPC의 id(DescribeVpcs, is-default 필터)를 주세요.`,
        en: `A security group belongs to one VPC and only instances in that VPC can use it. Leave VpcId out of CreateSecurityGroup, or pass the default VPC's id (DescribeVpcs with the is-default filter).`,
      },
      groups.map((g) => g.GroupId!),
    );
  },
};

const sgHttpFromAnywhere: Check = {
  id: 'sg-http-from-anywhere',
  title: { ko: 'HTTP(TCP 80)를 어디서나 허용', en: 'HTTP (TCP 80) allowed from anywhere' },
  points: 1,
  async run(ctx) {
    const groups = await webSecurityGroups(ctx);
    if (groups.length === 0) return noGroup();
    const ids = groups.map((g) => g.GroupId!);
    const open = groups.every((g) =>
      inboundSources(g.IpPermissions).some((s) => s.source === '0.0.0.0/0' && allowsTcpPort(s, 80)));
    if (open) return pass({ ko: `${SG}가 0.0.0.0/0에서 TCP 80을 허용합니다.`, en: `${SG} allows TCP 80 from 0.0.0.0/0.` }, ids);
    return fail(
      { ko: `${SG}에 0.0.0.0/0에서 들어오는 TCP 80 규칙이 없습니다.`, en: `${SG} has no inbound rule for TCP 80 from 0.0.0.0/0.` },
      {
        ko: `보안 그룹은 기본적으로 모든 인바운드를 막습니다. 웹 서버는 누구나 접속해야 하므로 AuthorizeSecurityGroupIngress로 TCP 80을 0.0.0.0/0에 여세요.`,
        en: `A security group denies all inbound traffic until a rule allows it. A web server must be reachable by anyone: open TCP 80 to 0.0.0.0/0 with AuthorizeSecurityGroupIngress.`,
      },
      ids,
    );
  },
};

const sgSshFromOneAddress: Check = {
  id: 'sg-ssh-from-one-address',
  title: { ko: 'SSH(TCP 22)는 주소 하나(/32)에서만', en: 'SSH (TCP 22) from one address (/32)' },
  points: 2,
  async run(ctx) {
    const groups = await webSecurityGroups(ctx);
    if (groups.length === 0) return noGroup();
    const ids = groups.map((g) => g.GroupId!);
    for (const g of groups) {
      // Sources open to the world are judged by sg-no-other-public-rule; here: the addresses SSH is limited to.
      const ssh = inboundSources(g.IpPermissions).filter((s) => allowsTcpPort(s, 22) && !isWorld(s) && (s.kind === 'ipv4' || s.kind === 'ipv6'));
      const cidrs = [...new Set(ssh.map((s) => s.source))];
      if (cidrs.length === 1 && ssh[0].kind === 'ipv4' && cidrs[0].endsWith('/32')) continue;
      if (cidrs.length === 0) {
        return fail(
          { ko: `${SG}에 특정 주소에서 TCP 22를 허용하는 규칙이 없습니다.`, en: `${SG} has no rule that allows TCP 22 from a specific address.` },
          {
            ko: `SSH는 내 주소 하나만 허용하세요: CidrIp에 내 IP 뒤에 /32를 붙입니다(예: 203.0.113.10/32). 실제 AWS에서는 https://checkip.amazonaws.com 에서 내 주소를 알 수 있습니다.`,
            en: `Allow SSH from your own address only: CidrIp is your IP followed by /32 (e.g. 203.0.113.10/32). On real AWS, https://checkip.amazonaws.com tells you your address.`,
          },
          ids,
        );
      }
      return fail(
        { ko: `${SG}가 TCP 22를 ${cidrs.join(', ')}에서 허용합니다. 기대한 것: /32 주소 정확히 하나.`, en: `${SG} allows TCP 22 from ${cidrs.join(', ')}; expected exactly one /32 address.` },
        {
          ko: `/32는 "이 주소 하나"라는 뜻입니다. /24 같은 범위는 이웃 주소 수백 개에도 SSH를 열어 줍니다. SSH 규칙은 내 IP/32 하나만 남기고, 나머지는 RevokeSecurityGroupIngress로 지우세요.`,
          en: `/32 means "exactly this address"; a range such as /24 opens SSH to hundreds of neighbours too. Keep one rule for your IP/32 and remove the others with RevokeSecurityGroupIngress.`,
        },
        ids,
      );
    }
    return pass({ ko: `${SG}는 SSH를 주소 하나(/32)에서만 허용합니다.`, en: `${SG} allows SSH from a single /32 address.` }, ids);
  },
};

const sgNoOtherPublicRule: Check = {
  id: 'sg-no-other-public-rule',
  title: { ko: '그 밖에 인터넷 전체에 열린 규칙 없음', en: 'Nothing else open to the whole internet' },
  points: 2,
  async run(ctx) {
    const groups = await webSecurityGroups(ctx);
    if (groups.length === 0) return noGroup();
    const ids = groups.map((g) => g.GroupId!);
    // Only "TCP 80, nothing more" may face the world (IPv4 or IPv6).
    const extra = groups.flatMap((g) => inboundSources(g.IpPermissions)
      .filter((s) => isWorld(s) && !(s.protocol === 'tcp' && s.fromPort === 80 && s.toPort === 80)));
    if (extra.length === 0) {
      return pass({ ko: `${SG}에서 인터넷 전체에 열린 것은 TCP 80뿐입니다.`, en: `Only TCP 80 in ${SG} is open to the whole internet.` }, ids);
    }
    const list = extra.map(describeSource).join('; ');
    const ssh = extra.some((s) => allowsTcpPort(s, 22));
    return fail(
      { ko: `${SG}가 인터넷 전체에 열려 있습니다: ${list}.`, en: `${SG} is open to the whole internet: ${list}.` },
      ssh
        ? {
            ko: `SSH(22번 포트)를 0.0.0.0/0이나 ::/0에 열면 몇 분 안에 봇들이 찾아와 비밀번호와 키를 대입해 봅니다. 이 규칙을 RevokeSecurityGroupIngress로 지우고 SSH는 내 주소/32 하나에만 여세요.`,
            en: `SSH (port 22) open to 0.0.0.0/0 or ::/0 is found by scanning bots within minutes, and they start guessing passwords and keys. Remove this rule with RevokeSecurityGroupIngress and open SSH to your own address/32 only.`,
          }
        : {
            ko: `인터넷 전체(0.0.0.0/0, ::/0)에 여는 것은 웹 서버의 TCP 80만으로 충분합니다. 다른 포트를 열어 두면 공격받을 곳만 늘어납니다. 이 규칙을 RevokeSecurityGroupIngress로 지우세요.`,
            en: `Only the web server's TCP 80 needs the whole internet (0.0.0.0/0, ::/0); every other open port is just more attack surface. Remove this rule with RevokeSecurityGroupIngress.`,
          },
      ids,
    );
  },
};

const instanceExactlyOne: Check = {
  id: 'instance-exactly-one',
  title: { ko: `${NAME} 인스턴스 정확히 하나`, en: `Exactly one ${NAME} instance` },
  points: 2,
  exactlyOne: true,
  async run(ctx) {
    const instances = await instancesNamed(ctx, NAME);
    const ids = instances.map((i) => i.InstanceId!);
    if (instances.length === 1) return pass({ ko: `${NAME}은 ${ids[0]} 하나입니다.`, en: `${NAME} is ${ids[0]}, the only one.` }, ids);
    if (instances.length === 0) return noInstance();
    return fail(
      { ko: `Name=${NAME} 인스턴스가 ${ids.length}개입니다: ${ids.join(', ')}. 하나여야 합니다.`, en: `There are ${ids.length} instances tagged Name=${NAME}: ${ids.join(', ')}; expected one.` },
      {
        ko: `RunInstances는 실행할 때마다 새 인스턴스를 만들고 요금도 따로 붙습니다. 하나만 남기고 TerminateInstances로 종료하세요. 스크립트를 다시 돌려도 괜찮게 하려면, 시작하기 전에 DescribeInstances(tag:Name 필터)로 이미 있는지 확인하세요.`,
        en: `RunInstances starts a new instance (and a new bill) every time it runs. Keep one and terminate the others with TerminateInstances. To make your script safe to re-run, look for an existing one first (DescribeInstances with a tag:Name filter).`,
      },
      ids,
    );
  },
};

/** Every web-1 instance the account has: checks judge each of them (everyResource). */
const instances: ResourceSource<Instance> = {
  find: (ctx) => instancesNamed(ctx, NAME),
  idOf: (resource) => resource.InstanceId!,
  none: noInstance,
};

const instanceRunning = everyResource(
  instances,
  'instance-running',
  { ko: '상태 running', en: 'State running' },
  1,
  (i) => (i.State?.Name === 'running' ? undefined : i.State?.Name ?? 'unknown'),
  { ko: `${NAME}이 running 상태입니다.`, en: `${NAME} is running.` },
  (found) => ({ ko: `${NAME}이 running이 아닙니다(${found}).`, en: `${NAME} is not running (${found}).` }),
  {
    ko: `인스턴스는 pending을 거쳐 running이 됩니다. stopped라면 StartInstances로 다시 시작하세요(중지된 동안에는 컴퓨팅 요금이 붙지 않지만 EBS 요금은 붙습니다).`,
    en: `An instance goes from pending to running. If it is stopped, start it again with StartInstances (a stopped instance costs no compute, but its EBS volumes are still billed).`,
  },
);

const instanceType = everyResource(
  instances,
  'instance-type',
  { ko: `인스턴스 유형 ${TYPE}`, en: `Instance type ${TYPE}` },
  1,
  (i) => (i.InstanceType === TYPE ? undefined : i.InstanceType ?? 'unknown'),
  { ko: `${NAME}의 유형이 ${TYPE}입니다.`, en: `${NAME} is a ${TYPE}.` },
  (found) => ({ ko: `${NAME}의 유형이 ${TYPE}가 아닙니다(${found}).`, en: `${NAME} is not a ${TYPE} (${found}).` }),
  {
    ko: `인스턴스 유형은 CPU와 메모리 크기(그리고 시간당 요금)를 정합니다. RunInstances에 InstanceType: '${TYPE}'를 주세요. 이미 만든 인스턴스는 중지한 뒤 ModifyInstanceAttribute로 바꿀 수 있습니다.`,
    en: `The instance type sets CPU, memory (and the hourly price). Pass InstanceType: '${TYPE}' to RunInstances; an existing instance can be changed while stopped (ModifyInstanceAttribute).`,
  },
);

const instanceKeyPair = everyResource(
  instances,
  'instance-key-pair',
  { ko: `키 페어 ${KEY} 사용`, en: `Uses key pair ${KEY}` },
  1,
  (i) => (i.KeyName === KEY ? undefined : i.KeyName ?? '-'),
  { ko: `${NAME}이 키 페어 ${KEY}를 씁니다.`, en: `${NAME} uses key pair ${KEY}.` },
  (found) => ({ ko: `${NAME}이 키 페어 ${KEY}를 쓰지 않습니다(${found}).`, en: `${NAME} does not use key pair ${KEY} (${found}).` }),
  {
    ko: `키 페어는 인스턴스를 시작할 때만 정할 수 있습니다(RunInstances의 KeyName). 잘못 시작한 인스턴스는 종료하고 KeyName: '${KEY}'로 다시 시작하세요.`,
    en: `The key pair is chosen at launch only (KeyName in RunInstances). Terminate the instance and launch it again with KeyName: '${KEY}'.`,
  },
);

/** Rules open to the whole internet other than "TCP 80, nothing more" (IPv4 or IPv6). */
const worldOpenBeyondHttp = (group: SecurityGroup) =>
  inboundSources(group.IpPermissions).filter((s) => isWorld(s) && !(s.protocol === 'tcp' && s.fromPort === 80 && s.toPort === 80));

const instanceSecurityGroup: Check = {
  id: 'instance-security-group',
  title: { ko: `보안 그룹 ${SG} 사용`, en: `Uses security group ${SG}` },
  points: 1,
  async run(ctx) {
    const found = await instancesNamed(ctx, NAME);
    if (found.length === 0) return noInstance();
    const ids = found.map((i) => i.InstanceId!);
    // An instance is reachable through every group it has: a second group that opens SSH to the
    // world undoes what web-sg was built for, though web-sg itself is right.
    const otherIds = [...new Set(found.flatMap((i) => (i.SecurityGroups ?? []).filter((g) => g.GroupName !== SG).map((g) => g.GroupId!)))];
    const others = otherIds.length > 0
      ? (await ctx.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: otherIds }), { abortSignal: ctx.signal })).SecurityGroups ?? []
      : [];
    const missing: string[] = [];
    const exposed: string[] = [];
    for (const instance of found) {
      const groups = instance.SecurityGroups ?? [];
      if (!groups.some((g) => g.GroupName === SG)) {
        missing.push(`${instance.InstanceId}: ${groups.map((g) => g.GroupName).join(', ') || '-'}`);
        continue;
      }
      for (const group of others.filter((g) => groups.some((own) => own.GroupId === g.GroupId))) {
        const open = worldOpenBeyondHttp(group);
        if (open.length > 0) exposed.push(`${instance.InstanceId}: ${group.GroupName} (${open.map(describeSource).join('; ')})`);
      }
    }
    if (missing.length > 0) {
      return fail(
        { ko: `${NAME}에 ${SG}가 붙어 있지 않습니다(붙은 그룹: ${missing.join('; ')}).`, en: `${NAME} does not have ${SG} (its groups: ${missing.join('; ')}).` },
        {
          ko: `보안 그룹을 주지 않으면 VPC의 default 그룹이 붙고, 그러면 웹 규칙이 적용되지 않습니다. RunInstances에 SecurityGroupIds로 ${SG}의 id를 주거나, ModifyInstanceAttribute로 그룹을 바꾸세요.`,
          en: `Without security groups, an instance gets the VPC's default group, and your web rules do not apply to it. Pass ${SG}'s id in SecurityGroupIds to RunInstances, or change the groups with ModifyInstanceAttribute.`,
        },
        ids,
      );
    }
    if (exposed.length > 0) {
      return fail(
        { ko: `${NAME}에 붙은 다른 보안 그룹이 인터넷 전체에 열려 있습니다: ${exposed.join('; ')}.`, en: `Another security group of ${NAME} is open to the whole internet: ${exposed.join('; ')}.` },
        {
          ko: `인스턴스에는 붙은 모든 보안 그룹의 규칙이 합쳐져 적용됩니다. ${SG}를 잘 만들어도 다른 그룹이 SSH 같은 포트를 0.0.0.0/0에 열면 그 포트가 열립니다. ModifyInstanceAttribute(Groups)로 그 그룹을 떼거나, 그 그룹의 규칙을 RevokeSecurityGroupIngress로 지우세요.`,
          en: `An instance gets the rules of every security group it has, together. However right ${SG} is, another group that opens a port such as SSH to 0.0.0.0/0 opens it on the instance. Take that group off with ModifyInstanceAttribute (Groups), or remove its rule with RevokeSecurityGroupIngress.`,
        },
        ids,
      );
    }
    return pass({ ko: `${NAME}에 ${SG}가 붙어 있고, 다른 그룹으로 인터넷에 더 열린 것이 없습니다.`, en: `${NAME} has ${SG}, and no other group opens more of it to the internet.` }, ids);
  },
};

export default defineLab({
  id: 'ec2-launch',
  title: { ko: 'EC2 인스턴스 시작하기', en: 'Launch an EC2 instance' },
  summary: {
    ko: '키 페어와 보안 그룹을 만들고, 그 둘을 쓰는 웹 서버 인스턴스 하나를 시작합니다.',
    en: 'Create a key pair and a security group, then launch one web server instance that uses both.',
  },
  lessons: ['ec2'],
  services: ['ec2'],
  steps: [
    { id: 'key-pair', title: { ko: '키 페어', en: 'Key pair' }, checks: [keyPairExists] },
    {
      id: 'security-group',
      title: { ko: '보안 그룹', en: 'Security group' },
      checks: [sgInDefaultVpc, sgHttpFromAnywhere, sgSshFromOneAddress, sgNoOtherPublicRule],
    },
    {
      id: 'instance',
      title: { ko: '인스턴스', en: 'Instance' },
      checks: [instanceExactlyOne, instanceRunning, instanceType, instanceKeyPair, instanceSecurityGroup],
    },
  ],
});
