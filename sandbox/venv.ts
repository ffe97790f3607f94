// Creates the project-local Python virtualenv with the pinned moto, once.
// Every package comes from requirements.lock with its version and hashes (--require-hashes), so
// a changed or substituted file on the way from PyPI stops the install. A marker file holds the
// lock it was built from, so a new lock rebuilds it. `npm run lock:python` refreshes the lock.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, SandboxError } from './paths.ts';

export const venvDir = join(projectRoot, '.venv');
export const venvPython = join(venvDir, 'bin', 'python');
const requirementsFile = join(projectRoot, 'sandbox', 'moto', 'requirements.lock');
const marker = join(venvDir, '.infralabs-requirements');

function findPython(): string {
  for (const candidate of ['python3', 'python']) {
    const probe = spawnSync(candidate, ['-c', 'import sys; print(sys.version_info >= (3, 10))'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  throw new SandboxError('Python 3.10 or newer was not found: install it (Debian: apt-get install python3 python3-venv) and run again.');
}

export function venvIsCurrent(): boolean {
  return existsSync(venvPython) && existsSync(marker) && readFileSync(marker, 'utf8') === readFileSync(requirementsFile, 'utf8');
}

export function ensureVenv(log: (line: string) => void = () => {}): void {
  if (venvIsCurrent()) return;
  const python = findPython();
  log('Setting up the sandbox backend (Python virtualenv with moto; about a minute, once)...');
  if (!existsSync(venvPython)) {
    const made = spawnSync(python, ['-m', 'venv', venvDir], { stdio: 'inherit' });
    if (made.status !== 0) throw new SandboxError(`Could not create ${venvDir}: install python3-venv (Debian: apt-get install python3-venv) and run again.`);
  }
  const installed = spawnSync(venvPython, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--require-hashes', '--no-deps', '-r', requirementsFile], { stdio: 'inherit' });
  if (installed.status !== 0) throw new SandboxError('Installing moto into .venv failed (see pip\'s message above: a hash mismatch means a package file is not the one locked): check your connection to PyPI, then delete .venv and run again.');
  writeFileSync(marker, readFileSync(requirementsFile, 'utf8'));
}
