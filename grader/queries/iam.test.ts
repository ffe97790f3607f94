import { describe, expect, it } from 'vitest';
import { awsManagedPolicyNames, policiesAllow, roleNameOf, trustAllowsService, trustedServices } from './iam.ts';

const policy = (statement: unknown) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statement }));

describe('trustAllowsService', () => {
  it('reads the URL-encoded document IAM returns, with Service as a string or a list', () => {
    expect(trustAllowsService(policy([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]), 'lambda.amazonaws.com')).toBe(true);
    expect(trustAllowsService(policy({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'eks.amazonaws.com'] }, Action: ['sts:TagSession', 'sts:AssumeRole'] }), 'eks.amazonaws.com')).toBe(true);
    expect(trustAllowsService(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), 'ec2.amazonaws.com')).toBe(true);
  });

  it('needs Allow, sts:AssumeRole and the service itself', () => {
    expect(trustAllowsService(policy([{ Effect: 'Deny', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]), 'lambda.amazonaws.com')).toBe(false);
    expect(trustAllowsService(policy([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:TagSession' }]), 'lambda.amazonaws.com')).toBe(false);
    expect(trustAllowsService(policy([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]), 'lambda.amazonaws.com')).toBe(false);
    expect(trustAllowsService(policy([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]), 'lambda.amazonaws.com')).toBe(false);
    expect(trustAllowsService('not json', 'lambda.amazonaws.com')).toBe(false);
    expect(trustAllowsService(undefined, 'lambda.amazonaws.com')).toBe(false);
  });

  it('lists the services a policy does trust, for messages', () => {
    expect(trustedServices(policy([{ Effect: 'Allow', Principal: { Service: ['a.amazonaws.com'] }, Action: 'sts:AssumeRole' }]))).toEqual(['a.amazonaws.com']);
  });
});

describe('policy and role names', () => {
  it('keeps only AWS managed policies, by name', () => {
    expect(awsManagedPolicyNames([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
      'arn:aws:iam::123456789012:policy/AmazonEKS_CNI_Policy',
    ])).toEqual(['AWSLambdaBasicExecutionRole', 'AmazonEKSClusterPolicy']);
  });

  it('takes the role name from an ARN with or without a path', () => {
    expect(roleNameOf('arn:aws:iam::123456789012:role/lambda-exec')).toBe('lambda-exec');
    expect(roleNameOf('arn:aws:iam::123456789012:role/service-role/lambda-exec')).toBe('lambda-exec');
    expect(roleNameOf('lambda-exec')).toBeUndefined();
  });
});

describe('policiesAllow', () => {
  const uploads = 'arn:aws:s3:::uploads-123456789012';
  const doc = (...statements: unknown[]) => policy(statements);
  const every = (startsWith: string) => ({ startsWith, quantifier: 'every' as const });

  it('matches actions and resources with IAM wildcards, across documents', () => {
    expect(policiesAllow([doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${uploads}/incoming/*` })], { action: 's3:GetObject', resource: every(`${uploads}/incoming/`) })).toBe(true);
    expect(policiesAllow([doc({ Effect: 'Allow', Action: ['s3:Get*'], Resource: [`${uploads}/*`] })], { action: 's3:getobject', resource: every(`${uploads}/incoming/`) })).toBe(true);
    expect(policiesAllow([doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(true);
    expect(policiesAllow(['not json', JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(true);
  });

  it('needs the whole range and the action itself; a Deny wins', () => {
    expect(policiesAllow([doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${uploads}/incoming/*.jpg` })], { action: 's3:GetObject', resource: every(`${uploads}/incoming/`) })).toBe(false);
    expect(policiesAllow([doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' })], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(false);
    expect(policiesAllow([doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: `${uploads}/incoming/*` })], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(false);
    expect(policiesAllow([
      doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      doc({ Effect: 'Deny', Action: 's3:PutObject', Resource: `${uploads}/*` }),
    ], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(false);
  });

  it('reads NotAction and NotResource as "everything except"', () => {
    expect(policiesAllow([doc({ Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: '*' })], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(true);
    expect(policiesAllow([doc({ Effect: 'Allow', Action: 's3:*', NotResource: `${uploads}/processed/*` })], { action: 's3:PutObject', resource: every(`${uploads}/processed/`) })).toBe(false);
  });
});
