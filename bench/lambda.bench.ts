// Lambda invoke through the sandbox: a cold start (a spare process confined by the permission
// model, code unpacked into its directory, handler loaded) and a warm invoke (the same process
// again, thawed from its freeze). LocalStack publishes about 600 ms and 10 ms.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { startSandbox } from '../sandbox/sandbox.ts';
import { median, medianMs } from './median.ts';

// An execution role Lambda may assume (the gateway refuses any other, as AWS does).
const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

export default async function bench() {
  const sandbox = await startSandbox({ port: 0 });
  try {
    const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: '555566667777', secretAccessKey: 'bench' } };
    const role = await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'bench', AssumeRolePolicyDocument: lambdaTrust }));
    const lambda = new LambdaClient(config);
    const zip = zipSync({ 'index.mjs': strToU8('export const handler = async (event) => ({ echo: event });') });
    const create = (name: string) => lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role.Role!.Arn!, Code: { ZipFile: zip } }));
    const invoke = (name: string) => lambda.send(new InvokeCommand({ FunctionName: name, Payload: '{"n":1}' }));
    await create('warmup');
    await invoke('warmup');
    // A learner creates a function, then invokes it: each cold start follows its own create.
    const coldTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      await create(`cold-${i}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const started = performance.now();
      await invoke(`cold-${i}`);
      coldTimes.push(performance.now() - started);
    }
    const cold = median(coldTimes);
    const warm = await medianMs(50, () => invoke('warmup'));
    return [
      { name: 'Lambda invoke, cold start', value: cold, unit: 'ms', target: '< 300 ms' },
      { name: 'Lambda invoke, warm', value: warm, unit: 'ms', target: '< 10 ms' },
    ];
  } finally {
    await sandbox.stop();
  }
}
