// `npm run lock:python`: refreshes sandbox/moto/requirements.lock from requirements.in, every
// package pinned with the hashes of its files on PyPI. Run it after changing a pin in
// requirements.in, then start the sandbox once (the venv rebuilds) and run the tests: the moto
// patches check at start-up that the pinned moto still has what they patch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './node-22.mjs';

const folder = join(root, 'sandbox', 'moto');
const tools = mkdtempSync(join(tmpdir(), 'infralabs-lock-'));
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed: fix the error above and run again.`);
    rmSync(tools, { recursive: true, force: true });
    process.exit(1);
  }
};
try {
  run('python3', ['-m', 'venv', tools]);
  run(join(tools, 'bin', 'pip'), ['install', '--quiet', 'pip-tools==7.7.0']);
  console.log('Resolving and hashing every package (a few minutes)...');
  run(join(tools, 'bin', 'pip-compile'), ['--quiet', '--generate-hashes', '--allow-unsafe', '--strip-extras',
    '--no-emit-index-url', '--no-emit-find-links', '--output-file', 'requirements.lock', 'requirements.in'], { cwd: folder });
  // The header names the command to run again, not the tool's own invocation.
  const lock = join(folder, 'requirements.lock');
  writeFileSync(lock, readFileSync(lock, 'utf8').replace(/^#    pip-compile .*$/m, '#    npm run lock:python  (pip-compile --generate-hashes from requirements.in)'));
  console.log('Wrote sandbox/moto/requirements.lock: start the sandbox once and run npm test before you commit it.');
} finally {
  rmSync(tools, { recursive: true, force: true });
}
