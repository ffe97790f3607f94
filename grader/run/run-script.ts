// Runs a learner script (TypeScript or JavaScript ES module, top-level await allowed) in a child
// Node process against the sandbox: the SDK clients get endpoint, region, the account's
// credentials and path-style S3 from the environment and a shim, never from the learner's code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RunOptions {
  /** The sandbox gateway URL, e.g. http://localhost:4566 */
  endpoint: string;
  /** 12-digit account id; becomes the access key id. */
  account: string;
  /** The account's secret access key: a classroom sandbox verifies signatures with it (its roster's
   *  secret); a sandbox without a roster accepts any, hence the default. */
  secret?: string;
  /** Kill the script after this long (default 120 s). */
  timeoutMs?: number;
  /** Live output, as it comes. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Aborting stops the script (Ctrl-C in the CLI). */
  signal?: AbortSignal;
  /** Working directory of the script (default: the caller's). */
  cwd?: string;
}

export interface RunResult {
  /** The script's exit code; 124 after a timeout, 130 when stopped by the signal. */
  exitCode: number;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  timedOut: boolean;
}

const platformRoot = new URL('../../package.json', import.meta.url).href;
const preload = new URL('./child/preload.mjs', import.meta.url).href;
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

/** How long a script gets to exit after SIGTERM before SIGKILL. */
const killGraceMs = 2_000;

export class RunError extends Error {}

export function runScript(file: string, options: RunOptions): Promise<RunResult> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  if (!existsSync(path)) {
    return Promise.reject(new RunError(`No such file: ${file}. Pass the path of your script, e.g. \`infralabs run solution.ts\`.`));
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ENDPOINT_URL: options.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: options.account,
    AWS_SECRET_ACCESS_KEY: options.secret ?? 'infralabs',
    // The learner's own AWS set-up must not leak in (a profile, a session token, real endpoints).
    AWS_CONFIG_FILE: '/nonexistent/infralabs/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/infralabs/credentials',
    INFRALABS_PLATFORM_ROOT: platformRoot,
  };
  for (const key of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'NODE_OPTIONS']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('AWS_ENDPOINT_URL_')) delete env[key];

  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, '--import', preload, path], {
      cwd: options.cwd ?? process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    let stopped = false;
    const emit = (stream: 'stdout' | 'stderr') => (data: Buffer) => {
      const chunk = data.toString('utf8');
      output += chunk;
      options.onOutput?.(chunk, stream);
    };
    child.stdout.on('data', emit('stdout'));
    child.stderr.on('data', emit('stderr'));

    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (child.exitCode !== null || killTimer) return;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      const line = `Stopped after ${Math.round(timeoutMs / 1000)} s: the script took longer than its time limit (raise it with --timeout <seconds>).\n`;
      output += line;
      options.onOutput?.(line, 'stderr');
      stop();
    }, timeoutMs);
    const onAbort = () => {
      stopped = true;
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const exitCode = timedOut ? 124 : stopped ? 130 : (code ?? (signal ? 128 + signalNumber(signal) : 1));
      done({ exitCode, output, timedOut });
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}

/** The directory this runner's child helpers live in (for tests). */
export const childDir = fileURLToPath(new URL('./child/', import.meta.url));
