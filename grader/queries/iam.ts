// IAM questions that several labs ask: does this role exist, who may assume it, what is attached.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type Role,
} from '@aws-sdk/client-iam';
import type { LabContext, Text } from '../lab.ts';
import { allows, statementsOf, type EvaluateOptions, type Request, type RequestContext, type ResourceRange } from '../../policy/evaluate.ts';
import { trustAllowsService, trustedServices } from '../../policy/trust.ts';

export { trustAllowsService, trustedServices };

/** The role, or undefined when it does not exist. */
export async function findRole(ctx: LabContext, roleName: string): Promise<Role | undefined> {
  try {
    const { Role: role } = await ctx.iam.send(new GetRoleCommand({ RoleName: roleName }), { abortSignal: ctx.signal });
    return role;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchEntityException' || (error as { name?: string }).name === 'NoSuchEntity') return undefined;
    throw error;
  }
}

/** ARNs of the managed policies attached to a role (all pages). */
export async function attachedPolicyArns(ctx: LabContext, roleName: string): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const page = await ctx.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: ctx.signal });
    arns.push(...(page.AttachedPolicies ?? []).flatMap((policy) => (policy.PolicyArn ? [policy.PolicyArn] : [])));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return arns;
}

/** The AWS managed policy names (arn:aws:iam::aws:policy/...) among the given policy ARNs. */
export function awsManagedPolicyNames(arns: string[]): string[] {
  return arns.flatMap((arn) => {
    const match = /^arn:aws[\w-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
    return match ? [match[1]!] : [];
  });
}

/** The role name of a role ARN (arn:aws:iam::123456789012:role/path/name -> name). */
export function roleNameOf(arn: string | undefined): string | undefined {
  const match = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn ?? '');
  return match?.[1];
}

export interface ServiceRoleProblem {
  kind: 'missing' | 'trust' | 'policies';
  /** For 'trust': the services the trust policy does name. For 'policies': the missing policy names. */
  found: string[];
}

/**
 * What is wrong with a service role, or undefined when it exists, trusts `service` and has every
 * AWS managed policy in `policies` attached.
 */
export async function serviceRoleProblem(
  ctx: LabContext,
  roleName: string,
  service: string,
  policies: string[],
): Promise<{ role?: Role; problem?: ServiceRoleProblem }> {
  const role = await findRole(ctx, roleName);
  if (!role) return { problem: { kind: 'missing', found: [] } };
  if (!trustAllowsService(role.AssumeRolePolicyDocument, service)) {
    return { role, problem: { kind: 'trust', found: trustedServices(role.AssumeRolePolicyDocument) } };
  }
  const attached = awsManagedPolicyNames(await attachedPolicyArns(ctx, roleName));
  const missing = policies.filter((policy) => !attached.includes(policy));
  if (missing.length > 0) return { role, problem: { kind: 'policies', found: missing } };
  return { role };
}

/** A permission policy of a role: its name (inline) or ARN (managed), and its document. */
export interface RolePolicy {
  name: string;
  document: string;
}

/**
 * The permission policies of a role: its inline policies and the default version of every managed
 * policy attached to it (AWS managed ones too, so AmazonS3FullAccess counts for what it allows).
 */
export async function rolePolicies(ctx: LabContext, roleName: string): Promise<RolePolicy[]> {
  // The inline and the attached policies are listed at the same time: a grade waits on this chain.
  const listInline = async () => {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await ctx.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: ctx.signal });
      names.push(...(page.PolicyNames ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return names;
  };
  const [inlineNames, attachedArns] = await Promise.all([listInline(), attachedPolicyArns(ctx, roleName)]);
  const inline = inlineNames.map(async (name) =>
    ({ name, document: (await ctx.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }), { abortSignal: ctx.signal })).PolicyDocument }));
  const managed = attachedArns.map(async (arn) => {
    const { Policy: policy } = await ctx.iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: ctx.signal });
    if (!policy?.DefaultVersionId) return { name: arn, document: undefined };
    const { PolicyVersion: version } = await ctx.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId }), { abortSignal: ctx.signal });
    return { name: arn, document: version?.Document };
  });
  return (await Promise.all([...inline, ...managed])).flatMap(({ name, document }) => (document ? [{ name, document }] : []));
}

/**
 * Whether identity policy documents allow the request, by IAM's rules (policy/evaluate.ts). A
 * resource may be a range: { startsWith: 'arn:aws:s3:::bucket/incoming/', quantifier: 'every' }
 * asks for every object under incoming/, so `incoming/*.jpg` does not count for it.
 */
export function policiesAllow(documents: string[], request: Request, options?: EvaluateOptions): boolean {
  return allows(documents, request, options);
}

/** One request a least-privilege check tries against a role's policies, with words for messages. */
export interface Probe {
  action: string;
  resource: string | ResourceRange;
  context?: RequestContext;
  where: Text;
}

/**
 * The probes the policies could allow, each with the policies that grant it on their own. "Could":
 * a condition the evaluator cannot judge counts as holding on an Allow (policy/evaluate.ts, lean
 * 'allow'), so a check that nothing broader is allowed never passes on a guess.
 */
export function probesAllowed(policies: RolePolicy[], probes: Probe[]): Array<Probe & { by: string[] }> {
  // Each document is parsed once, not once a probe.
  const parsed = policies.map((policy) => ({ name: policy.name, document: { Statement: statementsOf(policy.document) } }));
  const documents = parsed.map((policy) => policy.document);
  return probes.flatMap((probe) => {
    const request = { action: probe.action, resource: probe.resource, context: probe.context };
    if (!allows(documents, request, { lean: 'allow' })) return [];
    return [{ ...probe, by: parsed.filter((policy) => allows([policy.document], request, { lean: 'allow' })).map((policy) => policy.name) }];
  });
}
