// Helpers for the Lambda tests: zips built in memory and functions created in a test account.
import { strToU8, zipSync } from 'fflate';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, type CreateFunctionCommandInput, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { clientConfig } from '../../test/sandbox-context.ts';

/** A zip of the given files (path -> source). */
export function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, source]) => [path, strToU8(source)])));
}

export interface TestAccount {
  account: string;
  lambda: LambdaClient;
  createFunction(name: string, files: Record<string, string>, options?: Partial<CreateFunctionCommandInput>): Promise<void>;
  invoke(name: string, event?: unknown, options?: Partial<Parameters<LambdaClient['send']>[0]['input']>): Promise<InvokeCommandOutput & { result: unknown }>;
}

export async function testAccount(account: string, config: ReturnType<typeof clientConfig> = clientConfig(account)): Promise<TestAccount> {
  const lambda = new LambdaClient(config);
  const iam = new IAMClient(config);
  const role = await iam.send(new CreateRoleCommand({
    RoleName: 'lambda-test-role',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  return {
    account,
    lambda,
    async createFunction(name, files, options = {}) {
      await lambda.send(new CreateFunctionCommand({
        FunctionName: name,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: role.Role!.Arn!,
        Code: { ZipFile: zipOf(files) },
        ...options,
      }));
    },
    async invoke(name, event = {}, options = {}) {
      const output = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(event), ...options }));
      const text = output.Payload ? Buffer.from(output.Payload).toString('utf8') : '';
      return { ...output, result: text ? JSON.parse(text) : undefined };
    },
  };
}
