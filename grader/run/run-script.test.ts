import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshAccount, testEndpoint } from '../../test/sandbox-context.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/sandbox.ts';
import { classCredentials } from '../../sandbox/gateway/credentials.ts';
import { runScript } from './run-script.ts';

// Learner scripts live outside the project (no package.json, no node_modules near them).
const dir = mkdtempSync(join(tmpdir(), 'infralabs-run-'));
const script = (name: string, source: string) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};
const account = freshAccount();
const run = (file: string, timeoutMs?: number) => runScript(file, { endpoint: testEndpoint(), account, timeoutMs });

describe('runScript', () => {
  it('runs TypeScript with top-level await, a relative import and the SDK, configured for the sandbox', async () => {
    script('names.ts', `export const bucket = (account: string): string => 'run-' + account;\n`);
    const file = script('main.ts', [
      `import { S3Client, CreateBucketCommand, PutObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';`,
      `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';`,
      `import { zipSync } from 'fflate';`,
      `import { bucket } from './names.ts';`,
      `const { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));`,
      `const s3 = new S3Client({});`,
      `await s3.send(new CreateBucketCommand({ Bucket: bucket(Account!) }));`,
      `await s3.send(new PutObjectCommand({ Bucket: bucket(Account!), Key: 'a.zip', Body: zipSync({ 'a.txt': new Uint8Array([1]) }) }));`,
      `const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket(Account!) }));`,
      `console.log('account', Account, 'keys', listed.Contents?.map((o) => o.Key).join(','));`,
    ].join('\n'));
    const chunks: string[] = [];
    const result = await runScript(file, { endpoint: testEndpoint(), account, onOutput: (chunk) => chunks.push(chunk) });
    expect(result.output).toContain(`account ${account} keys a.zip`);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(chunks.join('')).toBe(result.output);
  });

  it('turns a thrown error into one line with the learner file and line', async () => {
    const file = script('throws.ts', `console.log('before');\nconst n: number = 1;\nif (n) throw new Error('no key pair named lab-key');\n`);
    const result = await run(file);
    expect(result.exitCode).toBe(1);
    expect(result.output).toBe(`before\nError: no key pair named lab-key (at ${file}:3)\n`);
  });

  it('names the AWS error code and the learner line of a failed SDK call', async () => {
    const file = script('sdk-error.ts', `import { EC2Client, DeleteSecurityGroupCommand } from '@aws-sdk/client-ec2';\n\nawait new EC2Client({}).send(new DeleteSecurityGroupCommand({ GroupId: 'sg-0000000000000' }));\n`);
    const result = await run(file);
    expect(result.exitCode).toBe(1);
    const lines = result.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: InvalidGroup\.NotFound: .*sg-0000000000000.*sdk-error\.ts:3\)$/);
  });

  it('names the packages a script can import when it asks for another', async () => {
    const result = await run(script('unknown-import.ts', `import { fromIni } from '@aws-sdk/credential-providers';\nconsole.log(fromIni);\n`));
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/^Error: @aws-sdk\/credential-providers is not part of Infra Labs: scripts can import the SDK clients of the lab services .* and fflate\n$/);
  });

  it('runs JavaScript as an ES module even where a package.json says commonjs', async () => {
    const cjsDir = mkdtempSync(join(tmpdir(), 'infralabs-run-cjs-'));
    writeFileSync(join(cjsDir, 'package.json'), '{"type":"commonjs"}');
    writeFileSync(join(cjsDir, 'main.js'), `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';\nconst { Account } = await new STSClient({}).send(new GetCallerIdentityCommand({}));\nconsole.log('js', Account);\n`);
    const result = await run(join(cjsDir, 'main.js'));
    expect(result).toMatchObject({ exitCode: 0, output: `js ${account}\n` });
  });

  it('passes the script exit code through', async () => {
    expect((await run(script('exit.ts', `process.exitCode = 3;\n`))).exitCode).toBe(3);
  });

  it('stops a script at its time limit', async () => {
    const started = Date.now();
    // Long enough for Node, tsx and the script to start on a loaded machine.
    const result = await run(script('hangs.ts', `console.log('waiting');\nawait new Promise(() => setInterval(() => {}, 1000));\n`), 6_000);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(124);
    expect(result.output).toContain('waiting');
    expect(result.output).toContain('--timeout');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops a script when aborted (Ctrl-C)', async () => {
    const controller = new AbortController();
    const pending = runScript(script('slow.ts', `console.log('started');\nsetInterval(() => {}, 1000);\n`), {
      endpoint: testEndpoint(),
      account,
      signal: controller.signal,
      onOutput: (chunk) => chunk.includes('started') && controller.abort(),
    });
    const result = await pending;
    expect(result).toMatchObject({ exitCode: 130, timedOut: false });
  });

  it('refuses a missing file with the fix', async () => {
    await expect(run(join(dir, 'nope.ts'))).rejects.toThrow(/No such file: .*nope\.ts/);
  });
});

// A class sandbox verifies every signature: a student's script must sign with their own secret.
describe('runScript in a class sandbox', () => {
  const student = { account: freshAccount(), secret: 'student-secret-abcdefghijklmnopqrstuv' };
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, credentials: classCredentials([student], { account: freshAccount(), secret: 'teacher-secret-abcdefghijklmnopqrstuv' }) });
  }, 120_000);
  afterAll(async () => sandbox?.stop());
  const whoAmI = () => script('who-am-i.ts', `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';\nconst { Account } = await new STSClient({ maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));\nconsole.log('signed as', Account);\n`);

  it('signs with the secret it is given', async () => {
    const result = await runScript(whoAmI(), { endpoint: sandbox.endpoint, ...student });
    expect(result).toMatchObject({ exitCode: 0, output: `signed as ${student.account}\n` });
  });

  it('is refused without it', async () => {
    const result = await runScript(whoAmI(), { endpoint: sandbox.endpoint, account: student.account });
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/^Error: SignatureDoesNotMatch: /);
  });
});
