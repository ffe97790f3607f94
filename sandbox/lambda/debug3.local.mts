import { startSandbox } from '../sandbox.ts';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
const sb = await startSandbox({ port: 0 });
const cfg = { endpoint: sb.endpoint, region: 'us-east-1', credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } };
const role = await new IAMClient(cfg).send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: '{}' }));
const lambda = new LambdaClient(cfg);
await lambda.send(new CreateFunctionCommand({ FunctionName: 'f', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role.Role!.Arn!, Code: { ZipFile: zipSync({ 'index.mjs': strToU8('export const handler = async (e) => e;') }) } }));
await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: '{}' }));
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: '{}' }));
  const t2 = performance.now();
  await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: '{}', InvocationType: 'DryRun' }));
  console.log('client total', (t2 - t).toFixed(2), 'dryrun', (performance.now() - t2).toFixed(2));
}
await sb.stop();
