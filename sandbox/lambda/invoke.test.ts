// Invoke runs the uploaded handler as AWS does: module styles, handler paths, context, results and errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateAliasCommand, InvokeCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { freshAccount } from '../../test/sandbox-context.ts';
import { testAccount, type TestAccount } from './test-functions.ts';

let t: TestAccount;
beforeAll(async () => { t = await testAccount(freshAccount()); });

describe('Invoke runs Node.js handlers', () => {
  it('runs a CommonJS handler with the event as given and a context like AWS gives', async () => {
    await t.createFunction('cjs', {
      'index.js': `exports.handler = async (event, context) => ({
        event,
        context: { ...context, remaining: context.getRemainingTimeInMillis() },
        env: Object.fromEntries(['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_VERSION',
          'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'LAMBDA_TASK_ROOT', '_HANDLER',
          'AWS_EXECUTION_ENV', 'TZ', 'AWS_ACCESS_KEY_ID', 'AWS_ENDPOINT_URL', 'GREETING'].map((k) => [k, process.env[k]])),
        cwd: process.cwd(),
      });`,
    }, { MemorySize: 256, Timeout: 7, Environment: { Variables: { GREETING: 'hello' } } });
    const out = await t.invoke('cjs', { name: 'learner', list: [1, 2, { deep: true }] });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    const result = out.result as { event: unknown; context: Record<string, unknown>; env: Record<string, string>; cwd: string };
    expect(result.event).toEqual({ name: 'learner', list: [1, 2, { deep: true }] });
    expect(result.context).toMatchObject({
      functionName: 'cjs',
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:us-east-1:${t.account}:function:cjs`,
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/cjs',
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(result.context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.context.remaining).toBeGreaterThan(5000);
    expect(result.context.remaining).toBeLessThanOrEqual(7000);
    expect(result.context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(result.env).toMatchObject({
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: 'cjs',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/cjs',
      AWS_LAMBDA_LOG_STREAM_NAME: result.context.logStreamName,
      LAMBDA_TASK_ROOT: result.cwd,
      _HANDLER: 'index.handler',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      TZ: ':UTC',
      AWS_ACCESS_KEY_ID: t.account,
      GREETING: 'hello',
    });
    expect(result.env.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs an ESM .mjs handler, a .js handler in a "type": "module" package and a nested path', async () => {
    await t.createFunction('esm', { 'index.mjs': 'export const handler = async (event) => ({ style: "mjs", twice: event.n * 2 });' });
    await t.createFunction('typemodule', {
      'package.json': JSON.stringify({ type: 'module' }),
      'app.js': 'import { sep } from "node:path"; export async function main() { return { style: "module", sep, esm: typeof require === "undefined" }; }',
    }, { Handler: 'app.main' });
    await t.createFunction('nested', {
      'src/app.js': 'const helper = require("./lib/helper"); exports.handler = async () => helper();',
      'src/lib/helper.js': 'module.exports = () => "from src/lib";',
    }, { Handler: 'src/app.handler' });
    expect((await t.invoke('esm', { n: 21 })).result).toEqual({ style: 'mjs', twice: 42 });
    expect((await t.invoke('typemodule')).result).toEqual({ style: 'module', sep: '/', esm: true });
    expect((await t.invoke('nested')).result).toBe('from src/lib');
  });

  it('supports callback handlers (value and error)', async () => {
    await t.createFunction('callback', {
      'index.js': `let later = 0;
        exports.handler = (event, context, callback) => {
          if (event.fail) return callback(new Error('callback failure'));
          setTimeout(() => { later++; }, 50);
          callback(null, { ok: true, later });
        };
        exports.later = async () => later;`,
    });
    const ok = await t.invoke('callback', {});
    expect(ok.result).toEqual({ ok: true, later: 0 });
    const failed = await t.invoke('callback', { fail: true });
    expect(failed.FunctionError).toBe('Unhandled');
    expect(failed.result).toMatchObject({ errorType: 'Error', errorMessage: 'callback failure' });
  });

  it('refuses callback handlers on nodejs24.x, as AWS does', async () => {
    await t.createFunction('callback24', { 'index.js': 'exports.handler = (event, context, callback) => callback(null, 1);' }, { Runtime: 'nodejs24.x' });
    const out = await t.invoke('callback24');
    expect(out.FunctionError).toBe('Unhandled');
    expect(out.result).toMatchObject({ errorType: 'Runtime.CallbackHandlerDeprecated' });
  });

  it('answers a thrown error as FunctionError Unhandled with errorType, errorMessage and trace', async () => {
    await t.createFunction('thrower', { 'index.js': 'class BucketMissing extends Error { name = "BucketMissing"; } exports.handler = async () => { throw new BucketMissing("no bucket"); };' });
    const out = await t.invoke('thrower');
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const error = out.result as { errorType: string; errorMessage: string; trace: string[] };
    expect(error.errorType).toBe('BucketMissing');
    expect(error.errorMessage).toBe('no bucket');
    expect(error.trace[0]).toBe('BucketMissing: no bucket');
    expect(error.trace.some((line) => line.includes('index.js'))).toBe(true);
  });

  it('reports a missing handler, a missing module and a syntax error with AWS runtime error types', async () => {
    await t.createFunction('nohandler', { 'index.js': 'exports.other = async () => 1;' });
    await t.createFunction('nomodule', { 'main.js': 'exports.handler = async () => 1;' });
    await t.createFunction('badsyntax', { 'index.js': 'exports.handler = async () => {' });
    const noHandler = await t.invoke('nohandler');
    expect(noHandler.FunctionError).toBe('Unhandled');
    expect(noHandler.result).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
    const noModule = await t.invoke('nomodule');
    expect(noModule.result).toMatchObject({ errorType: 'Runtime.ImportModuleError' });
    expect((noModule.result as { errorMessage: string }).errorMessage).toContain("Cannot find module 'index'");
    expect((await t.invoke('badsyntax')).result).toMatchObject({ errorType: 'Runtime.UserCodeSyntaxError' });
  });

  it('returns null for a handler that returns nothing, and runs versions and aliases by qualifier or ARN', async () => {
    await t.createFunction('versions', { 'index.js': 'exports.handler = async (event, context) => event.arn ? context.invokedFunctionArn : undefined;' });
    const nothing = await t.invoke('versions');
    expect(Buffer.from(nothing.Payload!).toString()).toBe('null');
    const published = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'versions' }));
    const byQualifier = await t.invoke('versions', {}, { Qualifier: published.Version });
    expect(byQualifier.ExecutedVersion).toBe(published.Version);
    const byArn = await t.invoke(`arn:aws:lambda:us-east-1:${t.account}:function:versions`);
    expect(byArn.StatusCode).toBe(200);
    const byPartialArn = await t.invoke(`${t.account}:function:versions`);
    expect(byPartialArn.ExecutedVersion).toBe('$LATEST');
    await t.lambda.send(new CreateAliasCommand({ FunctionName: 'versions', Name: 'live', FunctionVersion: published.Version }));
    const byAlias = await t.invoke('versions', { arn: true }, { Qualifier: 'live' });
    expect(byAlias.ExecutedVersion).toBe(published.Version);
    expect(byAlias.result).toBe(`arn:aws:lambda:us-east-1:${t.account}:function:versions:live`);
  });

  it('fails a function the sandbox cannot run with a message naming the runtimes it can', async () => {
    await t.createFunction('python', { 'index.py': 'def handler(event, context):\n    return 1\n' }, { Runtime: 'python3.12' });
    const error = await t.invoke('python').catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('InvalidRuntimeException');
    expect((error as Error).message).toContain('nodejs18.x, nodejs20.x, nodejs22.x, nodejs24.x');
    expect((error as Error).message).toContain('python3.12');
  });

  it('answers an unknown function with ResourceNotFoundException and bad JSON with InvalidRequestContentException', async () => {
    const missing = await t.invoke('does-not-exist').catch((caught: Error) => caught);
    expect((missing as Error).name).toBe('ResourceNotFoundException');
    await t.createFunction('json', { 'index.js': 'exports.handler = async (e) => e;' });
    const bad = await t.lambda.send(new InvokeCommand({ FunctionName: 'json', Payload: Buffer.from('{not json') })).catch((caught: Error) => caught);
    expect((bad as Error).name).toBe('InvalidRequestContentException');
  });
});
