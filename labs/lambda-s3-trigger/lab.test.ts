import { join } from 'node:path';
import { AttachRolePolicyCommand, DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { ListObjectsV2Command, PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, test } from 'vitest';
import { createLabContext } from '../../grader/context.ts';
import { gradeLab } from '../../grader/engine.ts';
import { runScript } from '../../grader/run/run-script.ts';
import { resetSandbox } from '../../grader/sandbox-api.ts';
import { proveLab } from '../../grader/testing/prove-lab.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import lab from './lab.ts';

proveLab('lambda-s3-trigger');

describe('lambda-s3-trigger against the sandbox', () => {
  const account = freshAccount();
  const ctx = createLabContext({ endpoint: testEndpoint(), account });
  const bucket = `uploads-${account}`;
  const grade = async () => Object.fromEntries((await gradeLab(lab, ctx)).checks.map((check) => [check.id, check]));
  afterAll(() => resetSandbox(testEndpoint(), { account }).catch(() => {}));

  test('the solution passes after two runs, and the pipeline check removes what it caused', async () => {
    for (const run of [1, 2]) {
      const result = await runScript(join(import.meta.dirname, 'solution.ts'), { endpoint: testEndpoint(), account, cwd: import.meta.dirname });
      expect(result.exitCode, `run ${run}:\n${result.output}`).toBe(0);
    }
    const report = await gradeLab(lab, ctx);
    expect(report.score, JSON.stringify(report.checks.filter((check) => !check.passed))).toBe(report.maxScore);
    const { Contents = [] } = await ctx.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(Contents.map((object) => object.Key).sort()).toEqual(['incoming/hello.txt', 'processed/hello.txt']);
  }, 120_000);

  test('the checks name what is wrong: a policy that cannot write, the confused deputy, a prefix that loops', async () => {
    await ctx.iam.send(new DeleteRolePolicyCommand({ RoleName: 'thumb-exec', PolicyName: 'uploads-in-results-out' }));
    await ctx.iam.send(new AttachRolePolicyCommand({ RoleName: 'thumb-exec', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    await ctx.lambda.send(new RemovePermissionCommand({ FunctionName: 'thumb-fn', StatementId: 's3-uploads' }));
    await ctx.lambda.send(new AddPermissionCommand({ FunctionName: 'thumb-fn', StatementId: 'anyone', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }));
    await ctx.s3.send(new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{
          LambdaFunctionArn: `arn:aws:lambda:us-east-1:${account}:function:thumb-fn`,
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'p' }] } },
        }],
      },
    }));
    const checks = await grade();
    expect(checks['exec-role']!.message).toBe(`thumb-exec's permission policies do not allow s3:PutObject on arn:aws:s3:::${bucket}/processed/*.`);
    expect(checks['permission']!.message).toBe('Statement anyone allows s3.amazonaws.com to invoke the function without limiting it to this bucket with aws:SourceArn.');
    expect(checks['permission']!.hint).toContain('confused deputy');
    expect(checks['notification']!.message).toBe("The notification to thumb-fn filters on prefix 'p', which processed/ matches too.");
    expect(checks['notification']!.hint).toContain('recursive loop');
    expect(checks['pipeline']!.message).toBe(`${bucket} has no notification that would send an upload under incoming/ to thumb-fn, so the grader did not try one.`);
  }, 60_000);

  test('the permission is judged by what it allows: a wildcard SourceArn lets other buckets in; SourceArn alone is enough', async () => {
    await ctx.lambda.send(new RemovePermissionCommand({ FunctionName: 'thumb-fn', StatementId: 'anyone' })).catch(() => {});
    await ctx.lambda.send(new AddPermissionCommand({ FunctionName: 'thumb-fn', StatementId: 'uploads-star', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::uploads-*', SourceAccount: account }));
    expect((await grade())['permission']!.message).toBe('Statement uploads-star allows s3.amazonaws.com to invoke the function without limiting it to this bucket with aws:SourceArn.');
    await ctx.lambda.send(new RemovePermissionCommand({ FunctionName: 'thumb-fn', StatementId: 'uploads-star' }));
    // Bucket names are global, so the bucket's ARN alone names one bucket of one account.
    await ctx.lambda.send(new AddPermissionCommand({ FunctionName: 'thumb-fn', StatementId: 'this-bucket', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${bucket}` }));
    expect((await grade())['permission']!.passed).toBe(true);
  }, 60_000);

  test('when the handler throws, the pipeline check quotes the error from the function\'s log', async () => {
    const other = freshAccount();
    try {
      const run = await runScript(join(import.meta.dirname, 'fixtures', 'pipeline.hardcoded-bucket.ts'), { endpoint: testEndpoint(), account: other, cwd: import.meta.dirname });
      expect(run.exitCode, run.output).toBe(0);
      const report = await gradeLab(lab, createLabContext({ endpoint: testEndpoint(), account: other }));
      const pipeline = report.checks.find((check) => check.id === 'pipeline')!;
      expect(pipeline.message).toMatch(/^Nothing appeared under processed\/ within 20 s of uploading incoming\/infralabs-check-\w+ 사진 photo\.jpg\. The function's log shows a recent error: NoSuchBucket: /);
    } finally {
      await resetSandbox(testEndpoint(), { account: other }).catch(() => {});
    }
  }, 120_000);
});
