// The in-page sandbox's Python side, booted in Node from what the site serves (public/page-sandbox/,
// built here if its inputs changed): the pruning is checked (every kept moto service module and
// botocore model loads, so a missing one fails here and not on a learner's call), and real SDK v3
// calls on every service the labs use are answered through python-backend.ts's forward().
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import type { HttpRequest } from '@smithy/types';
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateKeyPairCommand, CreateLaunchTemplateCommand, DescribeInstancesCommand, DescribeSubnetsCommand, EC2Client, ImportKeyPairCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateClusterCommand as CreateEcsClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateClusterCommand as CreateEksClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient, UploadSigningCertificateCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomAccount } from '../../grader/random-account.ts';
import { buildPageSandbox, outDir } from '../../scripts/build-page-sandbox.mjs';
import { startPythonBackend, type PythonBackend } from './python-backend.ts';
import { nodeFiles } from './node-files.ts';
import { requestHandlerTo } from './test-request-handler.ts';

const bundle = JSON.parse(await readFile(join(import.meta.dirname, 'python', 'bundle.json'), 'utf8')) as { botocoreServices: string[]; motoServices: string[] };

let backend: PythonBackend;
let runPython: (code: string) => unknown;

/** The SDK's requests go straight to moto in Pyodide, as the page's gateway hands them on. */
const requestHandler = requestHandlerTo((request) => backend.forward(request));

const account = randomAccount();
const config = {
  endpoint: 'http://localhost:4566',
  region: 'us-east-1',
  credentials: { accessKeyId: account, secretAccessKey: 'infralabs' },
  forcePathStyle: true,
  requestHandler,
};

beforeAll(async () => {
  const manifest = await buildPageSandbox({ log: () => {} });
  let pyodide: { runPython(code: string): unknown } | undefined;
  backend = await startPythonBackend({
    ...nodeFiles,
    onPyodide: (loaded) => { pyodide = loaded; },
  });
  runPython = (code) => pyodide!.runPython(code);
  expect(manifest.archive).toMatch(/^packages-[0-9a-f]{16}\.zip\.gz$/);
  expect(manifest.stdlib).toMatch(/^stdlib-[0-9a-f]{16}\.zip\.gz$/);
}, 180_000);

describe('the pruned bundle', () => {
  it('imports every kept moto service and loads every kept botocore model', () => {
    const answer = runPython(`
import importlib, json
from botocore.loaders import Loader
from moto.core.utils import _load_service_model  # moto's own reader of the models
failed = []
for service in ${JSON.stringify(bundle.motoServices)}:
    for part in ("models", "responses", "urls"):
        try:
            importlib.import_module(f"moto.{service}.{part}")
        except Exception as error:
            failed.append(f"moto.{service}.{part}: {type(error).__name__}: {error}")
loader = Loader()
for service in ${JSON.stringify(bundle.botocoreServices)}:
    try:
        loader.load_service_model(service, "service-2")
        loader.load_service_model(service, "endpoint-rule-set-1")
    except Exception as error:
        failed.append(f"botocore {service}: {type(error).__name__}: {error}")
available = sorted(loader.list_available_services("service-2"))
json.dumps({"failed": failed, "available": available})`) as string;
    const { failed, available } = JSON.parse(answer) as { failed: string[]; available: string[] };
    expect(failed).toEqual([]);
    expect(available).toEqual([...bundle.botocoreServices].sort());
  });

  it('is bytecode only: no module is compiled in the page (the build checked the patches on the sources)', () => {
    const sources = runPython(`import json, os, sys, zipfile
packages = [os.path.join(folder, name) for folder, _, names in os.walk(sys.path[0]) for name in names]
stdlib = zipfile.ZipFile(next(path for path in sys.path if path.endswith(".zip"))).namelist()
json.dumps([path for path in packages + stdlib if path.endswith(".py")])`);
    expect(sources).toBe('[]');
    expect(runPython('import moto.ec2.models, json; json.dumps(moto.ec2.models.__file__.endswith(".pyc"))')).toBe('true');
  });
});

describe('SDK v3 calls answered in Pyodide', () => {
  it('EC2: key pairs (the cryptography stand-in), RunInstances and DescribeInstances', async () => {
    const ec2 = new EC2Client(config);
    const created = await ec2.send(new CreateKeyPairCommand({ KeyName: 'made', KeyType: 'ed25519' }));
    expect(created.KeyMaterial).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    const rsa = await ec2.send(new CreateKeyPairCommand({ KeyName: 'made-rsa' }));
    expect(rsa.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    // A real ed25519 public key: its fingerprint is the SHA-256 of its DER form, as with the real package.
    const imported = await ec2.send(new ImportKeyPairCommand({ KeyName: 'mine', PublicKeyMaterial: strToU8('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBjL2Rrl0HOhkETRbTO5oMdqVa9yrXMlHTHRWwyd6QK2 me@laptop') }));
    expect(imported.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
    await expect(ec2.send(new ImportKeyPairCommand({ KeyName: 'bad', PublicKeyMaterial: strToU8('ssh-rsa not-a-key') }))).rejects.toThrow(/format|key/i);
    const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));
    const id = run.Instances?.[0]?.InstanceId;
    expect(id).toMatch(/^i-/);
    const described = await ec2.send(new DescribeInstancesCommand({}));
    expect(described.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId)).toEqual([id]);
  });

  it('S3: CreateBucket, PutObject, GetObject; and the bucket-owner route', async () => {
    const s3 = new S3Client(config);
    const bucket = `page-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'dir/hello world.txt', Body: 'hello, page', ContentType: 'text/plain' }));
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/hello world.txt' }));
    expect(await object.Body?.transformToString()).toBe('hello, page');
    // Korean learners name their objects in Korean: the path reaches moto decoded as WSGI says.
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: '폴더/안녕.txt', Body: '안녕' }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: '폴더/안녕.txt' }))).Body?.transformToString()).toBe('안녕');
    const owner = await backend.forward({ method: 'GET', path: '/_infralabs/bucket-owner', search: `bucket=${bucket}`, headers: {}, body: new Uint8Array() });
    expect(JSON.parse(new TextDecoder().decode(owner.body))).toEqual({ account });
    // Another account neither lists nor reads it (cross-account S3 is off, as in the Node sandbox).
    const other = new S3Client({ ...config, credentials: { accessKeyId: randomAccount(), secretAccessKey: 'x' } });
    expect((await other.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    await expect(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/hello world.txt' }))).rejects.toThrow();
    // The gateway's own calls are made in-process, without the Host an HTTP client always sends.
    const noHost = await backend.forward({ method: 'GET', path: `/${bucket}`, search: 'versioning', headers: {}, body: new Uint8Array(), account });
    expect(noHost.status).toBe(200);
  });

  it('IAM, STS and Lambda: CreateRole, GetCallerIdentity, CreateFunction with a zip', async () => {
    const iam = new IAMClient(config);
    const role = await iam.send(new CreateRoleCommand({
      RoleName: 'page-lambda',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }));
    expect(role.Role?.Arn).toBe(`arn:aws:iam::${account}:role/page-lambda`);
    await iam.send(new CreateUserCommand({ UserName: 'signer' }));
    await expect(iam.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: 'not a certificate' }))).rejects.toThrow(/certificate/i);
    expect((await new STSClient(config).send(new GetCallerIdentityCommand({}))).Account).toBe(account);
    const lambda = new LambdaClient(config);
    const zip = zipSync({ 'index.mjs': strToU8('export const handler = async () => ({ statusCode: 200 });') });
    const fn = await lambda.send(new CreateFunctionCommand({ FunctionName: 'page-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role.Role!.Arn!, Code: { ZipFile: zip } }));
    expect(fn.FunctionArn).toBe(`arn:aws:lambda:us-east-1:${account}:function:page-fn`);
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'page-fn' }))).Configuration?.CodeSize).toBe(zip.length);
    const code = await backend.forward({ method: 'GET', path: '/_infralabs/lambda/code', search: `account=${account}&region=us-east-1&name=page-fn`, headers: {}, body: new Uint8Array() });
    expect(code.body).toEqual(zip);
  });

  it('ECS, EKS, ELBv2, Auto Scaling and CloudWatch Logs', async () => {
    expect((await new ECSClient(config).send(new CreateEcsClusterCommand({ clusterName: 'page' }))).cluster?.status).toBe('ACTIVE');
    const subnets = (await new EC2Client(config).send(new DescribeSubnetsCommand({}))).Subnets!.map((subnet) => subnet.SubnetId!);
    const eks = await new EKSClient(config).send(new CreateEksClusterCommand({
      name: 'page', roleArn: `arn:aws:iam::${account}:role/page-lambda`, resourcesVpcConfig: { subnetIds: subnets.slice(0, 2) },
    }));
    expect(eks.cluster?.name).toBe('page');
    const lb = await new ElasticLoadBalancingV2Client(config).send(new CreateLoadBalancerCommand({ Name: 'page', Subnets: subnets.slice(0, 2) }));
    expect(lb.LoadBalancers?.[0]?.DNSName).toBeTruthy();
    await new EC2Client(config).send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'page', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
    const autoscaling = new AutoScalingClient(config);
    await autoscaling.send(new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'page', MinSize: 1, MaxSize: 2, DesiredCapacity: 1, LaunchTemplate: { LaunchTemplateName: 'page' }, VPCZoneIdentifier: subnets[0],
    }));
    const group = (await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['page'] }))).AutoScalingGroups?.[0];
    expect(group?.Instances).toHaveLength(1);
    const logs = new CloudWatchLogsClient(config);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/page/test' }));
    expect((await logs.send(new DescribeLogGroupsCommand({}))).logGroups?.map((g) => g.logGroupName)).toEqual(['/page/test']);
  });

  it('never trusts x-moto-account-id, and answers a service left out with 500 and the cause', async () => {
    const intruder = randomAccount();
    const sts = new STSClient({ ...config, credentials: { accessKeyId: intruder, secretAccessKey: 'x' } });
    sts.middlewareStack.add((next) => (args) => {
      (args.request as HttpRequest).headers['x-moto-account-id'] = account;
      return next(args);
    }, { step: 'build' });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(intruder);
    const sns = await backend.forward({
      method: 'POST', path: '/', search: '', body: strToU8('Action=ListTopics'),
      headers: {
        host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=0`,
      },
    });
    expect(sns.status).toBe(500);
    expect(sns.headers['x-infralabs-backend-error']).toMatch(/ModuleNotFoundError|No module/);
  });

  it('resets one account and leaves the others', async () => {
    const other = randomAccount();
    const otherLogs = new CloudWatchLogsClient({ ...config, credentials: { accessKeyId: other, secretAccessKey: 'x' } });
    await otherLogs.send(new CreateLogGroupCommand({ logGroupName: '/kept' }));
    await backend.reset(account);
    expect((await new EC2Client(config).send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    expect((await new S3Client(config).send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    expect((await otherLogs.send(new DescribeLogGroupsCommand({}))).logGroups?.map((g) => g.logGroupName)).toEqual(['/kept']);
  });
});
