// The sandbox's own AWS calls read answers and errors in each wire protocol it uses, as the SDK
// would: the rules and the website endpoint decide on these names and values. The calls run
// through a chain in this process, whose backend is the test sandbox (real moto behind its gateway).
import { describe, expect, it } from 'vitest';
import { answerOf, jsonApi, list, queryApi, s3Api } from './aws-api.ts';
import { accessRules } from './access.ts';
import type { GatewayContext } from './types.ts';
import { ExternalBackend } from '../backend.ts';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';

const account = freshAccount();
const gateway: GatewayContext = { backend: new ExternalBackend(testEndpoint()), endpoint: testEndpoint(), log: () => {}, access: accessRules() };
const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

describe('aws-api', () => {
  it('reads EC2 query answers, a one-item list as a list, and their error codes', async () => {
    const answer = answerOf(await queryApi(gateway, account, 'ec2', 'DescribeVpcs', {}), 'DescribeVpcs');
    const vpcs = list(answer['vpcSet']);
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]?.['isDefault']).toBe('true');
    const error = await errorOf(queryApi(gateway, account, 'ec2', 'DescribeSubnets', { 'SubnetId.1': 'subnet-12345678' }));
    expect(error?.name).toBe('InvalidSubnetID.NotFound');
  });

  it('reads Auto Scaling answers inside their Result element', async () => {
    const answer = answerOf(await queryApi(gateway, account, 'autoscaling', 'DescribeAutoScalingGroups', {}), 'DescribeAutoScalingGroups');
    expect(list(answer['AutoScalingGroups'], 'member')).toEqual([]);
  });

  it('reads awsJson error types', async () => {
    const error = await errorOf(jsonApi(gateway, account, 'logs', 'Logs_20140328.PutLogEvents', { logGroupName: 'missing', logStreamName: 'missing', logEvents: [] }));
    expect(error?.name).toBe('ResourceNotFoundException');
  });

  it('reads S3 error documents, and the status of a HEAD without a body', async () => {
    const bucket = `aws-api-${account}`;
    expect((await errorOf(s3Api(gateway, account, 'GET', bucket, { subresource: 'website' })))?.name).toBe('NoSuchBucket');
    expect((await errorOf(s3Api(gateway, account, 'HEAD', bucket)))?.name).toBe('NotFound');
    await s3Api(gateway, account, 'PUT', bucket);
    const object = await errorOf(s3Api(gateway, account, 'GET', bucket, { key: 'a folder/page.html' }));
    expect(object?.name).toBe('NoSuchKey');
  });
});
