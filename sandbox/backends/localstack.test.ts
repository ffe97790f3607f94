// `--backend localstack`, when its Python (3.13+) is on this machine (on PATH or installed by
// pyenv): LocalStack 4.14 installs into .venv-localstack (a few minutes the first time), starts
// behind the gateway, answers, our Lambda runner serves it (its own needs Docker), and its column of
// the lab x backend matrix scores as matrix-localstack.json says. Skipped, with the reason, without
// that Python. One file, so that one install serves every test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSandboxProcess, type SandboxProcess } from '../sandbox-process.ts';
import { testAccount } from '../lambda/test-functions.ts';
import { freshAccount } from '../../test/sandbox-context.ts';
import { findPython } from '../venv.ts';
import { localstack } from './emulators.ts';
import { expectedColumn, measuredColumn } from './expected-column.ts';
import { gradeEveryLab } from './matrix.ts';

const python = findPython(localstack.venv);
let sandbox: SandboxProcess;
const config = (account: string) => ({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, forcePathStyle: true });

describe.skipIf(!python)(`--backend localstack${python ? '' : ` (skipped: ${localstack.venv.missingPython})`}`, () => {
  beforeAll(async () => {
    sandbox = await startSandboxProcess({ port: 0, emulator: 'localstack' });
  }, 600_000);
  afterAll(async () => sandbox?.stop());

  it('starts LocalStack on loopback and answers through the gateway', async () => {
    const health = await (await fetch(`${sandbox.endpoint}/_infralabs/health`)).json();
    expect(health).toMatchObject({ backend: 'external', name: 'localstack', lambda: 'ours', version: '4.14.0', ready: true });
    const account = freshAccount();
    expect((await new STSClient(config(account)).send(new GetCallerIdentityCommand({}))).Account).toBe(account);
  });

  it('runs a Node handler with the sandbox\'s runner', async () => {
    const account = freshAccount();
    const lambda = await testAccount(account, config(account));
    await lambda.createFunction('hello', { 'index.mjs': 'export const handler = async () => ({ node: process.version });' });
    const invoked = await lambda.invoke('hello');
    expect(invoked.result).toEqual({ node: process.version });
  });

  it('scores every lab as matrix-localstack.json says', async () => {
    const expected = expectedColumn('localstack');
    expect(`localstack ${(await (await fetch(`${sandbox.endpoint}/_infralabs/health`)).json()).version}`).toBe(expected.backend);
    const { column, messages } = measuredColumn(await gradeEveryLab(sandbox.endpoint, { scriptTimeoutMs: 60_000 }));
    expect(column, messages).toEqual(expected.column);
  }, 300_000);
});
