// The moto patches know what they patch: server.py refuses to start, in one line, with another
// moto version or with a patch whose target is gone, instead of silently changing nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureVenv, venvPython } from '../venv.ts';

const folder = import.meta.dirname;
const python = (code: string, env: Record<string, string> = {}) =>
  spawnSync(venvPython, ['-c', code], { cwd: folder, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

const loadPatches = `
import sys, importlib, pkgutil
sys.path.insert(0, '.')
import patches
for info in sorted(pkgutil.iter_modules(patches.__path__), key=lambda m: m.name):
    importlib.import_module('patches.' + info.name)
from patches._targets import expect, missing_targets, _expected
`;

beforeAll(() => ensureVenv(), 300_000);

describe('moto patch guard', () => {
  it('finds every target of every patch in the pinned moto', () => {
    const result = python(`${loadPatches}\nprint(len(_expected), missing_targets())`);
    expect(result.stderr).toBe('');
    const [count, missing] = result.stdout.trim().split(' ', 2);
    expect(Number(count)).toBeGreaterThan(20);
    expect(missing).toBe('[]');
  });

  it('has every lazy patch declare what it patches (a patch applied at import fails loudly by itself)', () => {
    const lazy = readdirSync(join(folder, 'patches')).filter((name) => name.endsWith('.py') && !name.startsWith('_'))
      .filter((name) => /\b(when|before)_imported\(/.test(readFileSync(join(folder, 'patches', name), 'utf8')));
    expect(lazy.length).toBeGreaterThan(5);
    for (const name of lazy) expect(readFileSync(join(folder, 'patches', name), 'utf8'), name).toMatch(/\bexpect\(/);
  });

  it('names a target that is gone, and the patch that needs it', () => {
    const result = python(`${loadPatches}\nexpect('moto.ecs.models', 'EC2ContainerServiceBackend.launch_rockets')\nprint(missing_targets())`);
    expect(result.stdout).toContain('moto.ecs.models.EC2ContainerServiceBackend.launch_rockets');
  });

  it('stops server.py in one line when another moto version is installed', () => {
    const fake = mkdtempSync(join(tmpdir(), 'fake-moto-'));
    mkdirSync(join(fake, 'moto'));
    writeFileSync(join(fake, 'moto', '__init__.py'), '__version__ = "0.0.1"\n');
    const result = spawnSync(venvPython, [join(folder, 'server.py'), '--port', '1'], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: fake }, timeout: 60_000 });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/moto 0\.0\.1 is installed but the patches are for moto 5\.2\.5: delete \.venv/);
  });
});
