import { startSandbox } from '../sandbox.ts';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
const sb = await startSandbox({ port: 0, log: (l) => console.log('[sb]', l) });
const cfg = { endpoint: sb.endpoint, region: 'us-east-1', credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } };
const role = await new IAMClient(cfg).send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: '{}' }));
const lambda = new LambdaClient(cfg);
const code = process.argv[2]!;
await lambda.send(new CreateFunctionCommand({ FunctionName: 'f', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role.Role!.Arn!, MemorySize: 128, Timeout: 30, Code: { ZipFile: zipSync({ 'index.js': strToU8(code) }) } }));
for (const ev of JSON.parse(process.argv[3] ?? '[{}]')) {
  const t = performance.now();
  const out = await lambda.send(new InvokeCommand({ FunctionName: 'f', Payload: JSON.stringify(ev), LogType: 'Tail' }));
  console.log((performance.now() - t).toFixed(1), out.FunctionError, Buffer.from(out.Payload!).toString(), Buffer.from(out.LogResult!, 'base64').toString());
}
await sb.stop();
