// "Public" as S3 judges a bucket policy for Block Public Access: S3 "begins by assuming that the
// policy is public" and calls it non-public only when every Allow grants access "only to fixed
// values (values that don't contain a wildcard or an AWS Identity and Access Management Policy
// Variable)" of a principal or of one of a short list of condition keys.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
//
// Read here as: an Allow is public when it grants to anyone ("Principal": "*", {"AWS": "*"}, a
// principal with a wildcard, a federated identity provider as in the guide's first example, or any
// NotPrincipal, which grants everyone but the ones named) and no condition pins one of those keys
// to fixed values. A condition pins only when a request without the key cannot satisfy it: a
// positive operator (StringEquals, StringLike, ArnEquals, ArnLike, IpAddress, and their
// IgnoreCase forms), never a negated one, ...IfExists or ForAllValues.
import { parseOperator } from './conditions.ts';
import { allows, statementsOf, valuesOf, type Request, type Statement } from './evaluate.ts';
import { isFixed } from './wildcard.ts';

/** Condition keys whose fixed values make an Allow to everyone non-public (lower case). The
 *  guide's "AWS principal ... (e.g. aws:PrincipalOrgID)" covers the aws:Principal* keys. */
const pinningKeys = new Set([
  'aws:sourceip', 'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner', 'aws:sourceaccount',
  'aws:principalorgid', 'aws:principalaccount', 'aws:principalarn', 'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id', 's3:dataaccesspointarn', 's3:dataaccesspointaccount',
]);

const pinningOperators = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress']);

/** "Very broad IP ranges ... broader than /8 for IPv4 and /32 for IPv6 (excluding RFC1918 private
 *  ranges)" are public; a bare address is one address. */
function narrowRange(range: string): boolean {
  const [address = '', bits] = range.split('/');
  if (!isFixed(address)) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  if (address.includes(':')) return prefix >= 32 || (/^f[cd]/i.test(address) && prefix >= 7); // fc00::/7 is private
  return prefix >= 8;
}

function pinnedValue(key: string, value: string): boolean {
  if (key === 'aws:sourceip') return narrowRange(value);
  // "outside the pattern AROLEID:*": a role's every session is still one role.
  if (key === 'aws:userid') return isFixed(value) || /^[A-Z0-9]+:\*$/.test(value);
  // An access point name may be a wildcard "as long as the account id is fixed".
  if (key === 's3:dataaccesspointarn') return /^arn:aws[\w-]*:s3:[a-z0-9-]+:\d{12}:accesspoint\/.+$/.test(value) && isFixed(value.split(':accesspoint/')[0]!);
  return isFixed(value);
}

function pinsTheCaller(statement: Statement): boolean {
  const condition = statement.Condition;
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.entries(condition).some(([name, block]) => {
    const operator = parseOperator(name);
    if (!operator || operator.negated || operator.ifExists || operator.set === 'ForAllValues' || !pinningOperators.has(operator.base)) return false;
    if (typeof block !== 'object' || block === null) return false;
    return Object.entries(block).some(([key, values]) => {
      const wanted = valuesOf(values);
      return pinningKeys.has(key.toLowerCase()) && wanted.length > 0 && wanted.every((value) => pinnedValue(key.toLowerCase(), value));
    });
  });
}

/** Whether the statement's principal is everyone (or everyone but some). */
function grantsToAnyone(statement: Statement): boolean {
  if (statement.NotPrincipal !== undefined) return true;
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const entries = principal as Record<string, unknown>;
  if (valuesOf(entries['Federated']).length > 0) return true;
  return ['AWS', 'Service', 'CanonicalUser'].some((type) => valuesOf(entries[type]).some((value) => !isFixed(value)));
}

/** Whether one statement is public under S3's rules. */
export function isPublicStatement(statement: Statement): boolean {
  return statement.Effect === 'Allow' && grantsToAnyone(statement) && !pinsTheCaller(statement);
}

/** Whether a bucket policy is public under S3's rules (one public statement makes it so). */
export function isPublicPolicy(document: unknown): boolean {
  return statementsOf(document).some(isPublicStatement);
}

/** The policy's public statements, for messages. */
export function publicStatements(document: unknown): Statement[] {
  return statementsOf(document).filter(isPublicStatement);
}

/**
 * Whether the public part of a bucket policy could let an anonymous caller make this request: its
 * public statements, less what its Deny statements take away. Conditions that do not pin the
 * caller (aws:SecureTransport, a Referer) may hold for someone on the internet, so they count as
 * holding; a Deny counts only where its conditions surely hold.
 */
export function publicMayDo(document: unknown, request: Omit<Request, 'principal'>): boolean {
  const statements = statementsOf(document);
  const kept = { Statement: statements.filter((s) => s.Effect === 'Deny' || isPublicStatement(s)) };
  return allows([kept], { ...request, principal: { anonymous: true } }, { lean: 'allow', missingKeys: 'unknown' });
}
