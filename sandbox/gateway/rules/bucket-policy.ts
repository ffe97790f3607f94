// Reading S3 bucket policies the way S3's "public" evaluation does, shared by the public access
// rule and the website; its statement parsing also serves Lambda function policies.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status

export interface PolicyStatement {
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** Condition keys that, with fixed values, make a statement non-public on AWS. */
const narrowingKeys = ['aws:sourceip', 'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceaccount',
  'aws:sourceowner', 'aws:principalorgid', 'aws:principalaccount', 'aws:userid', 'aws:principalarn'];

export function statementsOf(policyText: string): PolicyStatement[] {
  try {
    const policy = JSON.parse(policyText) as { Statement?: PolicyStatement | PolicyStatement[] };
    const statements = policy.Statement ?? [];
    return Array.isArray(statements) ? statements : [statements];
  } catch {
    return [];
  }
}

/** A policy element that may be one value or a list of them, as a list. */
export function valuesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}

export function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object') return valuesOf((principal as { AWS?: unknown }).AWS).includes('*');
  return false;
}

export function isPublicStatement(statement: PolicyStatement): boolean {
  if (statement.Effect !== 'Allow' || !isPublicPrincipal(statement.Principal)) return false;
  const conditionKeys = Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block ?? {}).map((key) => key.toLowerCase()));
  return !conditionKeys.some((key) => narrowingKeys.includes(key));
}

export function isPublicPolicy(policyText: string): boolean {
  return statementsOf(policyText).some(isPublicStatement);
}

/** IAM-style wildcard match: `*` any run of characters, `?` one character. */
function wildcard(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}

function matchesAction(statement: PolicyStatement, action: string): boolean {
  return valuesOf(statement.Action).some((pattern) => wildcard(pattern.toLowerCase(), action.toLowerCase()));
}

/** Whether anonymous visitors may GetObject this key under the policy (an explicit public deny wins). */
export function allowsPublicRead(policyText: string, bucket: string, key: string): boolean {
  const arn = `arn:aws:s3:::${bucket}/${key}`;
  const applies = (statement: PolicyStatement) => isPublicPrincipal(statement.Principal)
    && matchesAction(statement, 's3:GetObject')
    && valuesOf(statement.Resource).some((pattern) => wildcard(pattern, arn));
  const statements = statementsOf(policyText);
  if (statements.some((statement) => statement.Effect === 'Deny' && applies(statement))) return false;
  return statements.some((statement) => isPublicStatement(statement) && applies(statement));
}
