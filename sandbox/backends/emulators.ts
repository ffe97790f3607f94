// The emulators `infralabs sandbox --backend <name>` installs and starts, each in a virtualenv of
// its own pinned with hashes (sandbox/backends/<name>/requirements.lock): how to start one on a
// port, how to tell it is ready, how to empty it.
import { venv, type Venv } from '../venv.ts';

export interface Emulator {
  name: 'ministack' | 'localstack';
  venv: Venv;
  /** Arguments to the virtualenv's python. */
  args: string[];
  env(port: number, dataDir: string, ourLambda: boolean, nodeModules: string): Record<string, string>;
  /** Answers 200 with {"version": ...} once the emulator serves AWS calls. */
  healthPath: string;
  /** Empties every account (neither can empty one account alone). */
  resetPath: string;
  startTimeoutMs: number;
}

export const ministack: Emulator = {
  name: 'ministack',
  venv: venv('MiniStack', '.venv-ministack', 'sandbox/backends/ministack/requirements.lock', [3, 10],
    'Python 3.10 or newer was not found: install it (Debian: apt-get install python3 python3-venv) and run again.'),
  args: ['-m', 'ministack'],
  env: (port, _dataDir, ourLambda, nodeModules) => ({
    GATEWAY_PORT: String(port),
    // Only the gateway, on this machine, may reach it (it listens on every interface by default).
    BIND_HOST: '127.0.0.1',
    LOG_LEVEL: 'WARNING',
    // With our runner serving Invoke, MiniStack must not run the same handlers for its own S3
    // event notifications: its Docker executor, without Docker, runs nothing. Its own runner
    // (--lambda backend) runs handlers as plain host processes and finds the SDK in our node_modules.
    ...(ourLambda ? { LAMBDA_EXECUTOR: 'docker' } : { NODE_PATH: nodeModules }),
  }),
  healthPath: '/_ministack/health',
  resetPath: '/_ministack/reset',
  startTimeoutMs: 30_000,
};

export const localstack: Emulator = {
  name: 'localstack',
  // 3.13, not the 3.12 its metadata and the issue say: localstack/utils/tagging.py imports
  // warnings.deprecated (new in 3.13), and every S3 and Lambda call answered 500 on 3.12.
  venv: venv('LocalStack', '.venv-localstack', 'sandbox/backends/localstack/requirements.lock', [3, 13],
    'LocalStack 4.14 needs Python 3.13 or newer (python3, python3.13 or python3.14 on PATH) and none was found: get it from python.org, Debian trixie (its python3 is 3.13; apt-get install python3-venv) or pyenv (pyenv install 3.13: its versions are found without selecting one), and run again.'),
  args: ['-m', 'localstack.runtime.main'],
  env: (port, dataDir) => ({
    GATEWAY_LISTEN: `127.0.0.1:${port}`,
    LOCALSTACK_HOST: `localhost:${port}`,
    FILESYSTEM_ROOT: dataDir,
    DNS_ADDRESS: '0',
    DISABLE_EVENTS: '1',
    SKIP_SSL_CERT_DOWNLOAD: '1',
  }),
  healthPath: '/_localstack/health',
  resetPath: '/_localstack/state/reset',
  startTimeoutMs: 120_000,
};

export const emulators = { ministack, localstack } as const;
export type EmulatorName = keyof typeof emulators;
