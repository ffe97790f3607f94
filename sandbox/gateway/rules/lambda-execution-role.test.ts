import { describe, expect, it } from 'vitest';
import { CreateFunctionCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { zipSync, strToU8 } from 'fflate';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';
import { lambdaMayAssume } from './lambda-execution-role.ts';

const account = freshAccount();
const lambda = new LambdaClient(clientConfig(account));
const iam = new IAMClient(clientConfig(account));
const code = { ZipFile: zipSync({ 'index.mjs': strToU8('export const handler = async () => ({ statusCode: 200 });') }) };
const trust = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const role = async (name: string, document: string) =>
  (await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: document }))).Role!.Arn!;
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);
const cannotBeAssumed = { name: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.' };

describe('a function\'s execution role must be one Lambda may assume, as on AWS', () => {
  it('refuses a role that trusts only EC2, a role that does not exist and another account\'s role', async () => {
    const ec2Only = await role('ec2-only', trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    const base = { FunctionName: 'trust-fn', Runtime: 'nodejs22.x' as const, Handler: 'index.handler', Code: code };
    expect(await failure(lambda.send(new CreateFunctionCommand({ ...base, Role: ec2Only })))).toMatchObject(cannotBeAssumed);
    const missing = `arn:aws:iam::${account}:role/no-such-role`;
    expect(await failure(lambda.send(new CreateFunctionCommand({ ...base, Role: missing })))).toMatchObject(cannotBeAssumed);
    const elsewhere = `arn:aws:iam::${account === '111122223333' ? '444455556666' : '111122223333'}:role/lambda-exec`;
    expect(await failure(lambda.send(new CreateFunctionCommand({ ...base, Role: elsewhere })))).toMatchObject({ name: 'AccessDeniedException' });
    expect(await failure(lambda.send(new CreateFunctionCommand({ ...base, Role: 'lambda-exec' })))).toMatchObject({ name: 'ValidationException' });
  });

  it('accepts a role that trusts Lambda, and checks the role again when UpdateFunctionConfiguration changes it', async () => {
    const lambdaRole = await role('lambda-ok', trust({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }));
    const ec2Role = await role('ec2-role', trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'ok-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Code: code, Role: lambdaRole }));
    expect(await failure(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ok-fn', Role: ec2Role })))).toMatchObject(cannotBeAssumed);
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ok-fn', Timeout: 10 }));
  });
});

describe('lambdaMayAssume judges a trust policy with policy/', () => {
  const allow = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
  it('needs an Allow for lambda.amazonaws.com on sts:AssumeRole, and no Deny', () => {
    expect(lambdaMayAssume({ Statement: [allow] })).toBe(true);
    expect(lambdaMayAssume({ Statement: allow })).toBe(true);
    expect(lambdaMayAssume({ Statement: [{ ...allow, Action: 'sts:TagSession' }] })).toBe(false);
    expect(lambdaMayAssume({ Statement: [{ ...allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] })).toBe(false);
    expect(lambdaMayAssume({ Statement: [allow, { ...allow, Effect: 'Deny' }] })).toBe(false);
    expect(lambdaMayAssume({ Statement: [{ ...allow, Principal: '*' }] })).toBe(true);
    expect(lambdaMayAssume({})).toBe(false);
  });
});
