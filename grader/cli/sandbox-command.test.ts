// `infralabs sandbox` starts moto and the gateway in the foreground and stops on Ctrl-C.
import { expect, it } from 'vitest';
import type { Io } from './io.ts';
import { main } from './main.ts';

it('starts the sandbox, answers health, and stops when interrupted', async () => {
  const controller = new AbortController();
  let out = '';
  let ready: (endpoint: string) => void;
  const endpoint = new Promise<string>((resolve) => (ready = resolve));
  const io: Io = {
    out: (text) => {
      out += text;
      const match = /sandbox ready at (\S+)/.exec(text);
      if (match) ready(match[1]!);
    },
    err: () => {},
    env: {},
    cwd: process.cwd(),
    signal: controller.signal,
  };
  const running = main(['sandbox', '--port', '0'], io);
  const url = await endpoint;
  const health = (await (await fetch(`${url}/_infralabs/health`)).json()) as { ready: boolean };
  expect(health.ready).toBe(true);
  controller.abort();
  expect(await running).toBe(0);
  await expect(fetch(`${url}/_infralabs/health`)).rejects.toThrow();
}, 120_000);

it('refuses a bad --port or --backend with the fix', async () => {
  let err = '';
  const io: Io = { out: () => {}, err: (t) => void (err += t), env: {}, cwd: process.cwd() };
  expect(await main(['sandbox', '--port', 'abc'], io)).toBe(2);
  expect(err).toBe('--port must be a port number 0-65535 (got "abc").\n');
  err = '';
  expect(await main(['sandbox', '--backend', 'localhost:4567'], io)).toBe(2);
  expect(err).toBe('--backend must be moto, ministack, localstack or look like url=http://localhost:4567 (got "localhost:4567").\n');
  err = '';
  expect(await main(['sandbox', '--lambda', 'docker'], io)).toBe(2);
  expect(err).toBe('--lambda must be ours or backend (got "docker").\n');
  err = '';
  expect(await main(['sandbox', '--lambda', 'backend'], io)).toBe(2);
  expect(err).toMatch(/^--lambda backend needs a backend that runs handlers itself: moto runs none without Docker/);
});

it('refuses a port that is taken, in one line with the fix', async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => blocker.once('listening', resolve));
  const port = (blocker.address() as { port: number }).port;
  let err = '';
  const io: Io = { out: () => {}, err: (t) => void (err += t), env: {}, cwd: process.cwd() };
  try {
    expect(await main(['sandbox', '--port', String(port)], io)).toBe(2);
  } finally {
    blocker.close();
  }
  expect(err).toBe(`Port ${port} is already in use: stop what runs there (is a sandbox already running?) or pass --port <other>.\n`);
}, 120_000);

it('answers the origins and host names it is given, listens where it is told, and no more', async () => {
  const controller = new AbortController();
  let ready: (endpoint: string) => void;
  const endpoint = new Promise<string>((resolve) => (ready = resolve));
  const io: Io = {
    out: (text) => { const match = /sandbox ready at (\S+)/.exec(text); if (match) ready(match[1]!); },
    err: () => {}, env: {}, cwd: process.cwd(), signal: controller.signal,
  };
  const running = main(['sandbox', '--port', '0', '--listen', '127.0.0.2', '--allow-origin', 'http://localhost:3000', '--host-name', 'sandbox.test'], io);
  const port = new URL(await endpoint).port;
  const { rawRequest } = await import('../../test/raw-request.ts');
  const at = `http://127.0.0.2:${port}`;
  const preflight = (origin: string) => rawRequest(at, { method: 'OPTIONS', path: '/', headers: { host: `127.0.0.2:${port}`, origin, 'access-control-request-method': 'POST' } });
  try {
    expect((await preflight('http://localhost:3000')).status).toBe(200);
    expect((await preflight('http://localhost:3001')).status).toBe(403);
    expect((await rawRequest(at, { path: '/_infralabs/health', headers: { host: 'sandbox.test' } })).status).toBe(200);
    expect((await rawRequest(at, { path: '/_infralabs/health', headers: { host: 'other.test' } })).status).toBe(403);
    // The listening address is its own name; 127.0.0.1 is not listened on.
    expect((await rawRequest(at, { path: '/_infralabs/health', headers: { host: `127.0.0.2:${port}` } })).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/_infralabs/health`)).rejects.toThrow();
  } finally {
    controller.abort();
  }
  expect(await running).toBe(0);
}, 120_000);

it('refuses a wildcard or a path as an origin, and explains --listen in its help', async () => {
  let err = '';
  let out = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: process.cwd() };
  expect(await main(['sandbox', '--allow-origin', '*'], io)).toBe(2);
  expect(err).toMatch(/^--allow-origin must be scheme, host and port only/);
  err = '';
  expect(await main(['sandbox', '--allow-origin', 'https://*.example.com'], io)).toBe(2);
  expect(err).toMatch(/^--allow-origin must be scheme, host and port only/);
  err = '';
  expect(await main(['sandbox', '--allow-origin', 'http://localhost:3000/lab'], io)).toBe(2);
  expect(err).toMatch(/^--allow-origin must be scheme, host and port only/);
  expect(await main(['sandbox', '--help'], io)).toBe(0);
  expect(out).toMatch(/--listen[\s\S]*needs --roster/);
  err = '';
  expect(await main(['sandbox', '--listen', '0.0.0.0'], io)).toBe(2);
  expect(err).toMatch(/^--listen 0\.0\.0\.0 lets every machine on the network run code here: give the class roster too \(--roster roster\.csv/);
  err = '';
  expect(await main(['sandbox', '--site', 'http://192.168.0.10:4321'], io)).toBe(2);
  expect(err).toBe('--site and --lab shape the join links of a class: give the roster too (--roster roster.csv).\n');
  err = '';
  expect(await main(['sandbox', '--site', 'http://192.168.0.10:4321/ko/', '--roster', 'roster.csv'], io)).toBe(2);
  expect(err).toMatch(/^--site must be the site's scheme, host and port, like http:\/\/192\.168\.0\.10:4321/);
  err = '';
  expect(await main(['sandbox', '--lab', 'ec2-lunch', '--roster', 'roster.csv'], io)).toBe(2);
  expect(err).toMatch(/^--lab ec2-lunch is not a lab: choose one of .*ec2-launch/);
});

it('with --roster, answers only calls signed with a roster key, and prints each student\'s join code and link (never a secret), which the sandbox takes', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { EC2Client, DescribeVpcsCommand } = await import('@aws-sdk/client-ec2');
  const { joinCode } = await import('../../sandbox/gateway/join-codes.ts');
  const student = { account: '314159265358', secret: 'pi-secret-abcdefghijklmnopqrstuvwxyz' };
  const other = { account: '161803398874', secret: 'phi-secret-abcdefghijklmnopqrstuvwxy' };
  const teacherSecret = 'teacher-secret-abcdefghijklmnopqrstu';
  const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'roster.csv');
  writeFileSync(file, `student,account,secret\n@teacher,271828182845,${teacherSecret}\nminji,${student.account},${student.secret}\n이서준,${other.account},${other.secret}\n`);
  const controller = new AbortController();
  let ready: (endpoint: string) => void;
  const endpoint = new Promise<string>((resolve) => (ready = resolve));
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => { out += text; const match = /sandbox ready at (\S+)/.exec(text); if (match) ready(match[1]!); },
    err: (text) => void (err += text), env: {}, cwd: process.cwd(), signal: controller.signal,
  };
  const running = main(['sandbox', '--port', '0', '--roster', file, '--lang', 'ko'], io);
  const url = await endpoint;
  const ec2 = (secretAccessKey: string) => new EC2Client({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: student.account, secretAccessKey }, maxAttempts: 1 });
  try {
    expect((await ec2(student.secret).send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
    await expect(ec2('not-the-secret').send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(out).toContain('A class of 2');
    // Without --listen the room is this machine: the site and the sandbox at localhost, which it answers.
    const sandboxParam = encodeURIComponent(`http://localhost:${new URL(url).port}`);
    for (const [name, { secret }] of [['minji', student], ['이서준', other]] as const) {
      const code = joinCode(secret);
      expect(out).toMatch(new RegExp(`^  ${name} +${code}  http://localhost:4321/ko/labs/ec2-launch/\\?sandbox=${sandboxParam}#join=${code}$`, 'm'));
    }
    for (const secret of [student.secret, other.secret, teacherSecret]) expect(out + err).not.toContain(secret);
    expect(err).toBe('');
    // The code as printed joins as that student, from a page of the printed site.
    const printed = /^  minji +(\S+)  (\S+)$/m.exec(out)!;
    const sandboxUrl = new URL(printed[2]!).searchParams.get('sandbox')!;
    const joined = await fetch(`${sandboxUrl}/_infralabs/join`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(printed[2]!).origin }, body: JSON.stringify({ code: printed[1] }) });
    expect(joined.status).toBe(200);
    expect(await joined.json()).toMatchObject({ account: student.account, secret: student.secret });
  } finally {
    controller.abort();
  }
  expect(await running).toBe(0);
}, 120_000);
