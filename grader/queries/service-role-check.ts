// One check shape that three labs share: "role X that service S may assume, with policies P attached".
import { fail, pass, type Check, type Text } from '../lab.ts';
import { serviceRoleProblem } from './iam.ts';

export interface ServiceRoleCheckOptions {
  id: string;
  title: Text;
  points: number;
  roleName: string;
  /** The service principal that must be trusted, e.g. lambda.amazonaws.com */
  service: string;
  /** AWS managed policy names that must be attached. */
  policies: string[];
  /** Why this service needs a role it can assume (shown when the role or its trust is wrong). */
  whyTrust: Text;
  /** What the policies give the service (shown when one is missing). */
  whyPolicies: Text;
}

const list = (items: string[], none: string) => (items.length > 0 ? items.join(', ') : none);

export function serviceRoleCheck(options: ServiceRoleCheckOptions): Check {
  const { roleName, service, policies } = options;
  return {
    id: options.id,
    title: options.title,
    points: options.points,
    async run(ctx) {
      const { role, problem } = await serviceRoleProblem(ctx, roleName, service, policies);
      const evidence = role?.Arn ? [role.Arn] : [];
      if (problem?.kind === 'missing') {
        return fail(
          { ko: `IAM 역할 ${roleName}이(가) 없습니다.`, en: `There is no IAM role named ${roleName}.` },
          {
            ko: `${options.whyTrust.ko} 신뢰 정책(AssumeRolePolicyDocument)에서 ${service}에 sts:AssumeRole을 허용하는 역할 ${roleName}을(를) 만드세요.`,
            en: `${options.whyTrust.en} Create the role ${roleName} with a trust policy (AssumeRolePolicyDocument) that allows ${service} to call sts:AssumeRole.`,
          },
        );
      }
      if (problem?.kind === 'trust') {
        return fail(
          {
            ko: `${roleName}의 신뢰 정책이 허용하는 서비스는 ${list(problem.found, '없음')}입니다. ${service}이(가) 맡을 수 있어야 합니다.`,
            en: `${roleName}'s trust policy allows ${list(problem.found, 'no service')} to assume it; it must allow ${service}.`,
          },
          {
            ko: `${options.whyTrust.ko} 신뢰 정책에 Effect "Allow", Principal {"Service": "${service}"}, Action "sts:AssumeRole" 문장을 넣으세요(UpdateAssumeRolePolicy로 고칠 수 있습니다).`,
            en: `${options.whyTrust.en} Give the trust policy a statement with Effect "Allow", Principal {"Service": "${service}"} and Action "sts:AssumeRole" (UpdateAssumeRolePolicy changes it in place).`,
          },
          evidence,
        );
      }
      if (problem?.kind === 'policies') {
        return fail(
          {
            ko: `${roleName}에 AWS 관리형 정책 ${problem.found.join(', ')}이(가) 연결되어 있지 않습니다.`,
            en: `${roleName} does not have the AWS managed ${problem.found.length > 1 ? 'policies' : 'policy'} ${problem.found.join(', ')} attached.`,
          },
          {
            ko: `${options.whyPolicies.ko} 신뢰 정책은 "누가 이 역할을 수임할 수 있는가"만 정하고, 역할로 무엇을 할 수 있는지는 연결된 권한 정책이 정합니다. AttachRolePolicy로 arn:aws:iam::aws:policy/... 관리형 정책을 연결하세요.`,
            en: `${options.whyPolicies.en} The trust policy only says who may assume the role; what the role may do comes from the permission policies attached to it. Attach the AWS managed policy (arn:aws:iam::aws:policy/...) with AttachRolePolicy.`,
          },
          evidence,
        );
      }
      return pass(
        {
          ko: `${roleName} 역할을 ${service}이(가) 맡을 수 있고 ${policies.join(', ')}이(가) 연결되어 있습니다.`,
          en: `${roleName} can be assumed by ${service} and has ${policies.join(', ')} attached.`,
        },
        evidence,
      );
    },
  };
}
