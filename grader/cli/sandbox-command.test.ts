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
  expect(err).toBe('--backend must look like url=http://localhost:4567 (got "localhost:4567").\n');
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
