// Nothing of the gateway's own environment reaches a handler; other parts of the sandbox can
// invoke functions. This file starts its own sandbox, so that the fake secret below is in the
// environment of the process that runs the gateway, and so that it holds the gateway's context.
import { accessRules } from '../gateway/access.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startSandbox, type RunningSandbox } from '../sandbox.ts';
import { invokeAsynchronously } from './invoke-lambda.ts';
import { zipOf } from './test-functions.ts';

// An execution role Lambda may assume (the gateway refuses any other, as AWS does).
const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

let sandbox: RunningSandbox;
beforeAll(async () => {
  process.env.INFRALABS_FAKE_SECRET = 'do-not-leak-7f3a';
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  delete process.env.INFRALABS_FAKE_SECRET;
  await sandbox?.stop();
});

describe('the environment of a handler', () => {
  it('holds the function\'s and AWS\'s variables only, never the host\'s', async () => {
    const config = { endpoint: sandbox.endpoint, region: 'eu-west-1', credentials: { accessKeyId: '210987654321', secretAccessKey: 'x' } };
    const role = await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'env-role', AssumeRolePolicyDocument: lambdaTrust }));
    const lambda = new LambdaClient(config);
    await lambda.send(new CreateFunctionCommand({
      FunctionName: 'peek',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: role.Role!.Arn!,
      Environment: { Variables: { TABLE: 'notes' } },
      Code: { ZipFile: zipOf({ 'index.js': 'exports.handler = async () => ({ secret: process.env.INFRALABS_FAKE_SECRET ?? null, env: process.env });' }) },
    }));
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'peek' }));
    const { secret, env } = JSON.parse(Buffer.from(out.Payload!).toString()) as { secret: string | null; env: Record<string, string> };
    expect(process.env.INFRALABS_FAKE_SECRET).toBe('do-not-leak-7f3a');
    expect(secret).toBeNull();
    expect(JSON.stringify(env)).not.toContain('do-not-leak-7f3a');
    expect(env.TABLE).toBe('notes');
    expect(env.AWS_REGION).toBe('eu-west-1');
    expect(env.AWS_ACCESS_KEY_ID).toBe('210987654321');
    for (const name of ['HOME', 'USER', 'npm_config_cache', 'VITEST', 'NODE_OPTIONS']) expect(env[name]).toBeUndefined();
    expect(env.PATH).not.toBe(process.env.PATH);
  });

  it('runs a function for another part of the sandbox with invokeAsynchronously', async () => {
    const config = { endpoint: sandbox.endpoint, region: 'eu-west-1', credentials: { accessKeyId: '210987654321', secretAccessKey: 'x' } };
    const role = await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'notify-role', AssumeRolePolicyDocument: lambdaTrust }));
    await new LambdaClient(config).send(new CreateFunctionCommand({
      FunctionName: 'notified',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: role.Role!.Arn!,
      Code: { ZipFile: zipOf({ 'index.js': 'exports.handler = async (event) => { console.log("got", event.Records[0].s3.object.key); };' }) },
    }));
    const gateway = { backend: sandbox.backend, endpoint: sandbox.endpoint, log: () => {}, access: accessRules() };
    const event = { Records: [{ s3: { object: { key: 'incoming/cat.jpg' } } }] };
    const answer = await invokeAsynchronously(gateway, '210987654321', 'eu-west-1', 'arn:aws:lambda:eu-west-1:210987654321:function:notified', event);
    expect(answer.status).toBe(202);
    const logs = new CloudWatchLogsClient(config);
    let messages: string[] = [];
    for (let i = 0; i < 100 && !messages.some((m) => m.includes('got incoming/cat.jpg')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const found = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/notified' })).catch(() => ({ events: [] }));
      messages = (found.events ?? []).map((e) => e.message ?? '');
    }
    expect(messages.some((m) => m.includes('\tINFO\tgot incoming/cat.jpg'))).toBe(true);
  });
});
