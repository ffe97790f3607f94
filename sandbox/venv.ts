// Creates a backend's project-local Python virtualenv, once: moto's in .venv, MiniStack's in
// .venv-ministack, LocalStack's in .venv-localstack.
// Every package comes from the backend's requirements.lock with its version and hashes
// (--require-hashes), so a changed or substituted file on the way from PyPI stops the install. A
// marker file holds the lock it was built from, so a new lock rebuilds it. `npm run lock:python`
// refreshes the locks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, SandboxError } from './paths.ts';

export interface Venv {
  /** What it holds, for messages: moto, MiniStack, LocalStack. */
  label: string;
  dir: string;
  python: string;
  lock: string;
  /** Interpreters to try, in order, and the oldest version that will do. */
  interpreters: string[];
  minimum: [number, number];
  /** The one line that says how to get such a Python. */
  missingPython: string;
}

/** Pythons that pyenv installed ($PYENV_ROOT, else ~/.pyenv), newest first: its shims run them
 *  only when a version is selected, so they are asked for by path. */
function pyenvPythons(): string[] {
  const root = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  try {
    return readdirSync(join(root, 'versions'))
      .filter((version) => /^3\.\d+(\.\d+)?$/.test(version))
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
      .map((version) => join(root, 'versions', version, 'bin', 'python3'));
  } catch {
    return [];
  }
}

export function venv(label: string, name: string, lock: string, minimum: [number, number], missingPython: string): Venv {
  const dir = join(projectRoot, name);
  const minor = Array.from({ length: 16 - minimum[1] }, (_, index) => `python3.${15 - index}`);
  return { label, dir, python: join(dir, 'bin', 'python'), lock: join(projectRoot, lock), interpreters: ['python3', ...minor, 'python', ...pyenvPythons()], minimum, missingPython };
}

export const motoVenv = venv('moto', '.venv', 'sandbox/moto/requirements.lock', [3, 10],
  'Python 3.10 or newer was not found: install it (Debian: apt-get install python3 python3-venv) and run again.');
export const venvDir = motoVenv.dir;
export const venvPython = motoVenv.python;

const marker = (env: Venv) => join(env.dir, '.infralabs-requirements');

const newEnough = (python: string, [major, minor]: [number, number]) => {
  const probe = spawnSync(python, ['-c', `import sys; print(sys.version_info >= (${major}, ${minor}))`], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === 'True';
};

/** The first interpreter on PATH that is new enough, or undefined. */
export function findPython(env: Venv): string | undefined {
  return env.interpreters.find((candidate) => newEnough(candidate, env.minimum));
}

export function venvIsCurrent(env: Venv = motoVenv): boolean {
  return existsSync(env.python) && existsSync(marker(env)) && readFileSync(marker(env), 'utf8') === readFileSync(env.lock, 'utf8');
}

export function ensureVenv(log: (line: string) => void = () => {}, env: Venv = motoVenv): void {
  if (venvIsCurrent(env)) return;
  const python = findPython(env);
  if (!python) throw new SandboxError(env.missingPython);
  const name = env.dir.slice(projectRoot.length + 1);
  log(`Setting up the sandbox backend (Python virtualenv ${name} with ${env.label}; a minute or two, once)...`);
  // A virtualenv made by a Python that is now too old for the lock is made again.
  if (existsSync(env.python) && !newEnough(env.python, env.minimum)) rmSync(env.dir, { recursive: true, force: true });
  if (!existsSync(env.python)) {
    const made = spawnSync(python, ['-m', 'venv', env.dir], { stdio: 'inherit' });
    if (made.status !== 0) throw new SandboxError(`Could not create ${env.dir}: install python3-venv (Debian: apt-get install python3-venv) and run again.`);
  }
  const installed = spawnSync(env.python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--require-hashes', '--no-deps', '-r', env.lock], { stdio: 'inherit' });
  if (installed.status !== 0) throw new SandboxError(`Installing ${env.label} into ${name} failed (see pip's message above: a hash mismatch means a package file is not the one locked): check your connection to PyPI, then delete ${name} and run again.`);
  writeFileSync(marker(env), readFileSync(env.lock, 'utf8'));
}
