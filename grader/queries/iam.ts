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
import type { LabContext } from '../lab.ts';
import { wildcardMatch } from './s3.ts';

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

interface Statement {
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
}

/** Parses a trust policy as IAM returns it: URL-encoded JSON (or plain JSON from other backends). */
export function parsePolicyDocument(document: string | undefined): { Statement?: Statement | Statement[] } | undefined {
  if (!document) return undefined;
  for (const text of [document, safeDecode(document)]) {
    try {
      return JSON.parse(text) as { Statement?: Statement | Statement[] };
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** True when a statement lets the AWS service principal (e.g. lambda.amazonaws.com) call sts:AssumeRole. */
export function trustAllowsService(document: string | undefined, service: string): boolean {
  const policy = parsePolicyDocument(document);
  return asList(policy?.Statement).some((statement) => {
    if (statement.Effect !== 'Allow') return false;
    const actions = asList(statement.Action).map((action) => action.toLowerCase());
    if (!actions.some((action) => action === 'sts:assumerole' || action === 'sts:*' || action === '*')) return false;
    const principal = statement.Principal as { Service?: string | string[] } | undefined;
    return typeof principal === 'object' && principal !== null && asList(principal.Service).includes(service);
  });
}

/** The service principals a trust policy names in Allow statements, for messages. */
export function trustedServices(document: string | undefined): string[] {
  const policy = parsePolicyDocument(document);
  return asList(policy?.Statement)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => asList((statement.Principal as { Service?: string | string[] } | undefined)?.Service));
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

/**
 * The permission policy documents of a role: its inline policies and the default version of every
 * managed policy attached to it (AWS managed ones too, so AmazonS3FullAccess counts for what it allows).
 */
export async function rolePolicyDocuments(ctx: LabContext, roleName: string): Promise<string[]> {
  const inlineNames: string[] = [];
  let marker: string | undefined;
  do {
    const page = await ctx.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: ctx.signal });
    inlineNames.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  const inline = inlineNames.map(async (name) =>
    (await ctx.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }), { abortSignal: ctx.signal })).PolicyDocument);
  const managed = (await attachedPolicyArns(ctx, roleName)).map(async (arn) => {
    const { Policy: policy } = await ctx.iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: ctx.signal });
    if (!policy?.DefaultVersionId) return undefined;
    const { PolicyVersion: version } = await ctx.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.DefaultVersionId }), { abortSignal: ctx.signal });
    return version?.Document;
  });
  return (await Promise.all([...inline, ...managed])).flatMap((document) => (document ? [document] : []));
}

const matchesAny = (patterns: string[], value: string, ignoreCase = false) => patterns.some((pattern) => wildcardMatch(pattern, value, ignoreCase));

function covers(statement: Statement, action: string, resource: string): boolean {
  const actionOk = statement.NotAction !== undefined ? !matchesAny(asList(statement.NotAction), action, true) : matchesAny(asList(statement.Action), action, true);
  const resourceOk = statement.NotResource !== undefined ? !matchesAny(asList(statement.NotResource), resource) : matchesAny(asList(statement.Resource), resource);
  return actionOk && resourceOk;
}

/**
 * Whether identity policy documents allow `action` on `resource`, judged with IAM's wildcards: some
 * Allow statement covers both and no Deny statement does (conditions are not evaluated). A resource
 * ending in `*` (arn:aws:s3:::bucket/incoming/*) stands for every such object: a pattern must cover
 * the whole range, so `incoming/*.jpg` does not count for `incoming/*`.
 */
export function policiesAllow(documents: string[], action: string, resource: string): boolean {
  const statements = documents.flatMap((document) => asList(parsePolicyDocument(document)?.Statement));
  return statements.some((s) => s.Effect === 'Allow' && covers(s, action, resource))
    && !statements.some((s) => s.Effect === 'Deny' && covers(s, action, resource));
}
