// Policies with their verdicts, from the IAM and S3 documentation (the source beside each row).
// policy-table.test.ts runs them through this module; the grader's and the sandbox's own tests run
// the same rows through their entry points, so all three give one answer.
import type { Decision, EvaluateOptions, Request } from './evaluate.ts';

export type Question =
  /** Is this bucket policy public under S3's rules for Block Public Access? */
  | { kind: 'public'; expected: boolean }
  /** IAM's decision for this request over the policy. */
  | { kind: 'request'; request: Request; options?: EvaluateOptions; expected: Decision }
  /** Does this trust policy let the service assume the role? */
  | { kind: 'trust'; service: string; expected: boolean };

export interface Row {
  name: string;
  source: string;
  policy: unknown;
  question: Question;
}

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const iam = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const evaluation = `${iam}/reference_policies_evaluation-logic.html`;
const notPrincipal = `${iam}/reference_policies_elements_notprincipal.html`;
const principal = `${iam}/reference_policies_elements_principal.html`;
const notAction = `${iam}/reference_policies_elements_notaction.html`;
const action = `${iam}/reference_policies_elements_action.html`;
const notResource = `${iam}/reference_policies_elements_notresource.html`;
const resource = `${iam}/reference_policies_elements_resource.html`;
const operators = `${iam}/reference_policies_elements_condition_operators.html`;
const bpa = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status';
const lambdaPolicy = 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html';

const bob = { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/Bob' };
const alice = { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/Alice' };
const everyoneButBob = doc({
  Effect: 'Deny',
  NotPrincipal: { AWS: ['arn:aws:iam::444455556666:user/Bob', 'arn:aws:iam::444455556666:root'] },
  Action: 's3:*',
  Resource: ['arn:aws:s3:::BUCKETNAME', 'arn:aws:s3:::BUCKETNAME/*'],
});
const allowAllButDelete = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' });
const payroll = doc({ Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] });
const mfaForAllButIam = doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
const s3Invokes = doc({
  Effect: 'Allow',
  Principal: { Service: 's3.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
  Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' } },
});
const s3Invoke = (bucket: string, account = '123456789012'): Request => ({
  principal: { service: 's3.amazonaws.com' },
  action: 'lambda:InvokeFunction',
  resource: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
  context: { 'aws:SourceArn': `arn:aws:s3:::${bucket}`, 'aws:SourceAccount': account },
});
const publicRead = (statement: Record<string, unknown>) => doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', ...statement });
const anonymousGet = (key: string, context = {}): Request => ({ principal: { anonymous: true }, action: 's3:GetObject', resource: `arn:aws:s3:::site/${key}`, context });
const trust = (Principal: unknown, Action: unknown = 'sts:AssumeRole', Effect = 'Allow') => doc({ Effect, Principal, Action });

export const policyTable: Row[] = [
  // Evaluation logic: an explicit deny wins; without an allow, the request is implicitly denied.
  { name: 'an explicit Deny overrides an Allow', source: evaluation, policy: allowAllButDelete, question: { kind: 'request', request: { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::b' }, expected: 'deny' } },
  { name: 'what the Deny does not name stays allowed', source: evaluation, policy: allowAllButDelete, question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'allow' } },
  { name: 'nothing allows it: implicit deny', source: evaluation, policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), question: { kind: 'request', request: { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, expected: 'implicit-deny' } },

  // NotPrincipal: the guide's Deny for everyone but Bob (who is named with his account).
  { name: 'Deny + NotPrincipal: Bob, named with his account, is not denied', source: notPrincipal, policy: everyoneButBob, question: { kind: 'request', request: { principal: bob, action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKETNAME/x' }, expected: 'implicit-deny' } },
  { name: 'Deny + NotPrincipal: another user of the same account is denied', source: notPrincipal, policy: everyoneButBob, question: { kind: 'request', request: { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKETNAME/x' }, expected: 'deny' } },
  { name: 'Deny + NotPrincipal naming Bob without his account denies Bob too', source: notPrincipal, policy: doc({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:user/Bob' }, Action: 's3:*', Resource: '*' }), question: { kind: 'request', request: { principal: bob, action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKETNAME/x' }, expected: 'deny' } },
  { name: 'Allow + NotPrincipal grants everyone else, anonymous users too', source: notPrincipal, policy: doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }), question: { kind: 'request', request: anonymousGet('index.html'), expected: 'allow' } },
  { name: 'Allow + NotPrincipal is public', source: bpa, policy: doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }), question: { kind: 'public', expected: true } },

  // Principal.
  { name: 'an account principal covers the users of that account', source: principal, policy: doc({ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:GetObject', Resource: '*' }), question: { kind: 'request', request: { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'allow' } },
  { name: 'a user principal is that user only', source: principal, policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:user/Bob' }, Action: 's3:GetObject', Resource: '*' }), question: { kind: 'request', request: { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'implicit-deny' } },
  { name: '"Principal": "*" includes anonymous users', source: principal, policy: publicRead({}), question: { kind: 'request', request: anonymousGet('index.html'), expected: 'allow' } },
  { name: '{"AWS": "*"} includes anonymous users', source: principal, policy: publicRead({ Principal: { AWS: '*' } }), question: { kind: 'request', request: anonymousGet('index.html'), expected: 'allow' } },

  // NotAction and Action.
  { name: 'Allow + NotAction: every other S3 action', source: notAction, policy: doc({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' }), question: { kind: 'request', request: { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, expected: 'allow' } },
  { name: 'Allow + NotAction: not the excluded action', source: notAction, policy: doc({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' }), question: { kind: 'request', request: { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::b' }, expected: 'implicit-deny' } },
  { name: 'Allow + NotAction on S3 resources grants nothing on other services\' resources', source: notAction, policy: doc({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' }), question: { kind: 'request', request: { action: 'iam:CreateUser', resource: 'arn:aws:iam::444455556666:user/Eve' }, expected: 'implicit-deny' } },
  { name: 'Deny + NotAction + BoolIfExists: without MFA, everything but IAM is denied', source: notAction, policy: mfaForAllButIam, question: { kind: 'request', request: { action: 's3:ListAllMyBuckets', resource: '*', context: { 'aws:MultiFactorAuthPresent': false } }, expected: 'deny' } },
  { name: 'Deny + NotAction + BoolIfExists: IAM actions are not denied', source: notAction, policy: mfaForAllButIam, question: { kind: 'request', request: { action: 'iam:ListUsers', resource: '*', context: { 'aws:MultiFactorAuthPresent': false } }, expected: 'implicit-deny' } },
  { name: 'BoolIfExists: a request without the key is denied too', source: notAction, policy: mfaForAllButIam, question: { kind: 'request', request: { action: 's3:ListAllMyBuckets', resource: '*' }, expected: 'deny' } },
  { name: 'BoolIfExists: with MFA, nothing is denied', source: notAction, policy: mfaForAllButIam, question: { kind: 'request', request: { action: 's3:ListAllMyBuckets', resource: '*', context: { 'aws:MultiFactorAuthPresent': true } }, expected: 'implicit-deny' } },
  { name: 'action names are case-insensitive', source: action, policy: doc({ Effect: 'Allow', Action: 'S3:getobject', Resource: '*' }), question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'allow' } },
  { name: 'a wildcard inside an action name', source: action, policy: doc({ Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: '*' }), question: { kind: 'request', request: { action: 'iam:ListAccessKeys', resource: '*' }, expected: 'allow' } },

  // NotResource.
  { name: 'Allow + NotResource: everything but the payroll folder', source: notResource, policy: payroll, question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::HRBucket/Benefits/plan.pdf' }, expected: 'allow' } },
  { name: 'Allow + NotResource: not inside the payroll folder', source: notResource, policy: payroll, question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::HRBucket/Payroll/2024.xlsx' }, expected: 'implicit-deny' } },

  // Resource wildcards and case.
  { name: '* spans slashes in a key', source: resource, policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*' }), question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg' }, expected: 'allow' } },
  { name: '? is one character, not a literal ?', source: resource, policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/photo?.jpg' }), question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/photo1.jpg' }, expected: 'allow' } },
  { name: '? is exactly one character', source: resource, policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/photo?.jpg' }), question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/photo10.jpg' }, expected: 'implicit-deny' } },
  { name: 'resource ARNs are case-sensitive', source: resource, policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::Bucket/*' }), question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k' }, expected: 'implicit-deny' } },
  { name: 'a * inside a segment stays in that segment', source: resource, policy: doc({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:us-*-1:123456789012:function:f' }), question: { kind: 'request', request: { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-x:y-1:123456789012:function:f' }, expected: 'implicit-deny' } },
  { name: 'a * that ends a segment may cross colons', source: resource, policy: doc({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:*' }), question: { kind: 'request', request: { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:123456789012:function:f' }, expected: 'allow' } },
  { name: 'a range: every object under incoming/ needs a pattern that covers them all', source: resource, policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/incoming/*.jpg' }), question: { kind: 'request', request: { action: 's3:GetObject', resource: { startsWith: 'arn:aws:s3:::b/incoming/', quantifier: 'every' } }, expected: 'implicit-deny' } },
  { name: 'a range: some object under processed/ is reached by bucket/*', source: resource, policy: doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }), question: { kind: 'request', request: { action: 's3:PutObject', resource: { startsWith: 'arn:aws:s3:::b/processed/', quantifier: 'some' } }, expected: 'allow' } },

  // Condition operators.
  { name: 'StringLike with a wildcard', source: operators, policy: doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': ['incoming/*'] } } }), question: { kind: 'request', request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 's3:prefix': 'incoming/2024/' } }, expected: 'allow' } },
  { name: 'a condition key missing from the request: the condition fails', source: operators, policy: doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': ['incoming/*'] } } }), question: { kind: 'request', request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' }, expected: 'implicit-deny' } },
  { name: 'a negated operator holds when the key is missing', source: operators, policy: doc({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } } }), question: { kind: 'request', request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, expected: 'deny' } },
  { name: 'Bool aws:SecureTransport: plain HTTP is denied', source: operators, policy: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::site/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }), question: { kind: 'request', request: anonymousGet('index.html', { 'aws:SecureTransport': false }), expected: 'deny' } },
  { name: 'IpAddress: an address inside the range', source: operators, policy: publicRead({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), question: { kind: 'request', request: anonymousGet('a', { 'aws:SourceIp': '203.0.113.7' }), expected: 'allow' } },
  { name: 'IpAddress: an address outside the range', source: operators, policy: publicRead({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), question: { kind: 'request', request: anonymousGet('a', { 'aws:SourceIp': '198.51.100.7' }), expected: 'implicit-deny' } },
  { name: 'an operator this module does not evaluate: an Allow does not count (lean deny)', source: operators, policy: publicRead({ Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } }), question: { kind: 'request', request: anonymousGet('a'), expected: 'implicit-deny' } },
  { name: 'an operator this module does not evaluate: an Allow counts when asked "could it be allowed"', source: operators, policy: publicRead({ Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } }), question: { kind: 'request', request: anonymousGet('a'), options: { lean: 'allow' }, expected: 'allow' } },

  // A function's resource-based policy as AddPermission writes it for S3.
  { name: 'S3 may invoke for the named bucket and account', source: lambdaPolicy, policy: s3Invokes, question: { kind: 'request', request: s3Invoke('amzn-s3-demo-bucket'), expected: 'allow' } },
  { name: 'S3 may not invoke for another bucket (confused deputy)', source: lambdaPolicy, policy: s3Invokes, question: { kind: 'request', request: s3Invoke('someone-elses-bucket'), expected: 'implicit-deny' } },
  { name: 'S3 may not invoke for the bucket name in another account', source: lambdaPolicy, policy: s3Invokes, question: { kind: 'request', request: s3Invoke('amzn-s3-demo-bucket', '999999999999'), expected: 'implicit-deny' } },

  // Block Public Access: the guide's examples, and the keys it lists.
  { name: 'a federated identity provider is public', source: bpa, policy: doc({ Principal: { Federated: 'graph.facebook.com' }, Resource: '*', Action: 's3:PutObject', Effect: 'Allow' }), question: { kind: 'public', expected: true } },
  { name: '"Principal": "*" is public', source: bpa, policy: doc({ Principal: '*', Resource: '*', Action: 's3:PutObject', Effect: 'Allow' }), question: { kind: 'public', expected: true } },
  { name: 'a wildcard aws:SourceVpc is public', source: bpa, policy: doc({ Principal: '*', Resource: '*', Action: 's3:PutObject', Effect: 'Allow', Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } } }), question: { kind: 'public', expected: true } },
  { name: 'a fixed aws:SourceVpc is not public', source: bpa, policy: doc({ Principal: '*', Resource: '*', Action: 's3:PutObject', Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } } }), question: { kind: 'public', expected: false } },
  { name: 'a negated aws:SourceVpc pins nothing: public', source: bpa, policy: doc({ Principal: '*', Resource: '*', Action: 's3:PutObject', Effect: 'Allow', Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-91237329' } } }), question: { kind: 'public', expected: true } },
  { name: 'an aws:SourceIp range of /24 is not public', source: bpa, policy: publicRead({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), question: { kind: 'public', expected: false } },
  { name: 'an aws:SourceIp range of 0.0.0.0/1 is public', source: bpa, policy: publicRead({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } } }), question: { kind: 'public', expected: true } },
  { name: 'a fixed principal is not public', source: bpa, policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:*', Resource: '*' }), question: { kind: 'public', expected: false } },
  { name: 'a service principal is not public', source: bpa, policy: doc({ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' }), question: { kind: 'public', expected: false } },
  { name: 'one public statement makes the policy public', source: bpa, policy: doc({ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' }, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }), question: { kind: 'public', expected: true } },
  { name: 'a Deny to everyone grants nothing: not public', source: bpa, policy: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }), question: { kind: 'public', expected: false } },
  { name: '{"AWS": "*"} is public', source: bpa, policy: publicRead({ Principal: { AWS: ['*'] } }), question: { kind: 'public', expected: true } },

  // Trust policies.
  { name: 'a trust policy for lambda.amazonaws.com', source: principal, policy: trust({ Service: 'lambda.amazonaws.com' }), question: { kind: 'trust', service: 'lambda.amazonaws.com', expected: true } },
  { name: 'a trust policy for ec2.amazonaws.com does not let Lambda assume the role', source: principal, policy: trust({ Service: 'ec2.amazonaws.com' }), question: { kind: 'trust', service: 'lambda.amazonaws.com', expected: false } },
  { name: 'services in a list', source: principal, policy: trust({ Service: ['ec2.amazonaws.com', 'eks.amazonaws.com'] }, ['sts:TagSession', 'sts:AssumeRole']), question: { kind: 'trust', service: 'eks.amazonaws.com', expected: true } },
  { name: 'trust needs sts:AssumeRole', source: principal, policy: trust({ Service: 'lambda.amazonaws.com' }, 'sts:TagSession'), question: { kind: 'trust', service: 'lambda.amazonaws.com', expected: false } },
  { name: 'a Deny in a trust policy trusts no one', source: principal, policy: trust({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole', 'Deny'), question: { kind: 'trust', service: 'lambda.amazonaws.com', expected: false } },
];
