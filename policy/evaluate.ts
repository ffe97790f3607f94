// One policy evaluator for the grader (browser and Node) and the sandbox: IAM's policy language as
// the labs meet it. No Node built-ins here: the grader's checks bundle this for the browser.
//
// Within the policies given: an explicit Deny wins, else an Allow allows, else the request is
// implicitly denied. A statement applies when its Principal/NotPrincipal, Action/NotAction,
// Resource/NotResource and Condition all fit the request.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { evaluateConditions, type RequestContext, type Truth } from './conditions.ts';
import { compile, matches, matchesEveryWith, matchesSomeWith } from './wildcard.ts';

export type { RequestContext } from './conditions.ts';

export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

/** Who makes the request. Omitted: the identity the (identity-based) policies are attached to. */
export type RequestPrincipal =
  | { anonymous: true }
  | { service: string }
  /** An AWS principal: its account, and its ARN when it is more than the account itself. */
  | { account: string; arn?: string };

/** Every resource whose ARN starts with `startsWith`: must the request be allowed on all of them
 *  ('every', e.g. "may read every object under incoming/") or on one at least ('some')? */
export interface ResourceRange {
  startsWith: string;
  quantifier: 'every' | 'some';
}

export interface Request {
  principal?: RequestPrincipal;
  action: string;
  /** An ARN, or a range of them; a statement without Resource (a trust policy) fits any. */
  resource?: string | ResourceRange;
  context?: RequestContext;
}

export interface EvaluateOptions {
  /**
   * How a condition counts when this module cannot evaluate it (an operator it does not know, an
   * IPv6 range, a policy variable; see conditions.ts). 'deny' (the default, for "is this surely
   * allowed"): it holds on a Deny and fails on an Allow. 'allow' (for "could this be allowed", as
   * least-privilege checks ask): the reverse.
   */
  lean?: 'allow' | 'deny';
  /** 'unknown': a condition key missing from the context is not known to be absent (lean decides);
   *  by default a missing key is absent, as IAM treats it. */
  missingKeys?: 'absent' | 'unknown';
}

export type Decision = 'allow' | 'deny' | 'implicit-deny';

/** A policy element that may be one value or a list of them, as a list. */
export function valuesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

/** The statements of a policy document: JSON, the URL-encoded JSON IAM returns, or already parsed.
 *  A document that does not parse has none (it grants nothing). */
export function statementsOf(document: unknown): Statement[] {
  let policy: unknown = document;
  if (typeof document === 'string') {
    policy = undefined;
    for (const text of [document, safeDecode(document)]) {
      try {
        policy = JSON.parse(text);
        break;
      } catch {
        // try the next form
      }
    }
  }
  if (typeof policy !== 'object' || policy === null) return [];
  const statements = (policy as { Statement?: unknown }).Statement ?? [];
  return (Array.isArray(statements) ? statements : [statements]).filter((s): s is Statement => typeof s === 'object' && s !== null);
}

/** The identities a request carries, as IAM checks them: an AWS principal is its account and,
 *  unless it is the account itself, its own ARN too. */
function identitiesOf(principal: RequestPrincipal): Array<{ account: string } | { arn: string } | { service: string } | { anonymous: true }> {
  if ('anonymous' in principal || 'service' in principal) return [principal];
  return principal.arn ? [{ account: principal.account }, { arn: principal.arn }] : [{ account: principal.account }];
}

/**
 * Whether a Principal element names one identity. "*" is everyone, anonymous callers and services
 * included; {"AWS": "*"} every AWS principal and anonymous callers, not services; an account id or
 * arn:aws:iam::<id>:root names the account; other ARNs and service names must be the identity's own
 * (IAM allows no other wildcards here).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
function names(element: unknown, identity: ReturnType<typeof identitiesOf>[number]): boolean {
  if (element === '*') return true;
  if (typeof element !== 'object' || element === null) return false;
  const entries = element as Record<string, unknown>;
  if ('service' in identity) return valuesOf(entries['Service']).some((service) => service.toLowerCase() === identity.service.toLowerCase());
  return valuesOf(entries['AWS']).some((entry) => {
    if (entry === '*') return true;
    if ('anonymous' in identity) return false;
    const account = /^\d{12}$/.test(entry) ? entry : /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(entry)?.[1];
    return 'account' in identity ? account === identity.account : account === undefined && entry === identity.arn;
  });
}

/**
 * Principal: the statement applies when it names the account (which grants to all of its
 * principals) or the principal itself. NotPrincipal: it applies unless every identity of the
 * request is named, which is why IAM's guide lists the account beside the user in a Deny with
 * NotPrincipal, and why naming only the account does not exempt its users.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
function principalFits(statement: Statement, principal: RequestPrincipal | undefined): boolean {
  if (statement.Principal === undefined && statement.NotPrincipal === undefined) return true; // identity-based policy
  const identities = identitiesOf(principal ?? { anonymous: true });
  if (statement.NotPrincipal !== undefined) return !identities.every((identity) => names(statement.NotPrincipal, identity));
  return identities.some((identity) => names(statement.Principal, identity));
}

function actionFits(statement: Statement, action: string): boolean {
  const named = (patterns: unknown) => valuesOf(patterns).some((pattern) => matches(compile(pattern, { ignoreCase: true }), action));
  if (statement.NotAction !== undefined) return !named(statement.NotAction);
  return statement.Action !== undefined && named(statement.Action);
}

/** For a range, `fitsAll` asks whether the element fits every resource in it, else whether it fits one. */
function resourceFits(statement: Statement, resource: Request['resource'], fitsAll: boolean): boolean {
  if (statement.Resource === undefined && statement.NotResource === undefined) return true;
  if (resource === undefined) return false;
  const one = (pattern: string, every: boolean) => {
    const compiled = compile(pattern, { arn: true });
    if (typeof resource === 'string') return matches(compiled, resource);
    return every ? matchesEveryWith(compiled, resource.startsWith) : matchesSomeWith(compiled, resource.startsWith);
  };
  if (statement.NotResource !== undefined) {
    // Fits all of the range when no excluded pattern touches it; fits one when they do not cover it all.
    return fitsAll ? !valuesOf(statement.NotResource).some((p) => one(p, false)) : !valuesOf(statement.NotResource).some((p) => one(p, true));
  }
  return valuesOf(statement.Resource).some((pattern) => one(pattern, fitsAll));
}

function applies(statement: Statement, request: Request, options: EvaluateOptions, effect: 'Allow' | 'Deny'): boolean {
  if (statement.Effect !== effect) return false;
  if (!principalFits(statement, request.principal) || !actionFits(statement, request.action)) return false;
  // For "every": an Allow must cover the whole range, and a Deny counts if it touches any of it.
  // For "some": an Allow counts if it touches the range, a Deny only if it covers all of it.
  const quantifier = typeof request.resource === 'object' ? request.resource.quantifier : 'every';
  if (!resourceFits(statement, request.resource, (effect === 'Allow') === (quantifier === 'every'))) return false;
  const truth: Truth = evaluateConditions(statement.Condition, request.context ?? {}, options.missingKeys === 'unknown');
  if (truth === 'unknown') return (options.lean ?? 'deny') === 'allow' ? effect === 'Allow' : effect === 'Deny';
  return truth;
}

/** IAM's decision for one request over the given policy documents. */
export function evaluate(documents: unknown[], request: Request, options: EvaluateOptions = {}): Decision {
  const statements = documents.flatMap(statementsOf);
  if (statements.some((statement) => applies(statement, request, options, 'Deny'))) return 'deny';
  if (statements.some((statement) => applies(statement, request, options, 'Allow'))) return 'allow';
  return 'implicit-deny';
}

/** Whether the policy documents allow the request. */
export function allows(documents: unknown[], request: Request, options: EvaluateOptions = {}): boolean {
  return evaluate(documents, request, options) === 'allow';
}
