// `npm run lock:python [moto|ministack|localstack]...`: refreshes each backend's requirements.lock
// from its requirements.in (all three when none is named), every package pinned with the hashes of
// its files on PyPI. Run it after changing a pin in a requirements.in, then start that backend once
// (its venv rebuilds) and run the tests: the moto patches check at start-up that the pinned moto
// still has what they patch. LocalStack's lock is resolved with Python 3.13+ (what it runs on).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './node-22.mjs';

const backends = {
  moto: { folder: join(root, 'sandbox', 'moto'), pythons: ['python3'] },
  ministack: { folder: join(root, 'sandbox', 'backends', 'ministack'), pythons: ['python3'] },
  localstack: { folder: join(root, 'sandbox', 'backends', 'localstack'), pythons: ['python3.14', 'python3.13'] },
};
const chosen = process.argv.slice(2);
for (const name of chosen) {
  if (!(name in backends)) {
    console.error(`Unknown backend ${name}: name one of ${Object.keys(backends).join(', ')}.`);
    process.exit(2);
  }
}

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed: fix the error above and run again.`);
};
const found = (python) => spawnSync(python, ['--version'], { stdio: 'ignore' }).status === 0;

function lock(name, { folder, pythons }) {
  const python = pythons.find(found);
  if (!python) {
    console.error(`Skipping ${name}: it needs ${pythons.join(' or ')} (python.org, or pyenv install 3.13).`);
    return;
  }
  const tools = mkdtempSync(join(tmpdir(), 'infralabs-lock-'));
  try {
    run(python, ['-m', 'venv', tools]);
    run(join(tools, 'bin', 'pip'), ['install', '--quiet', 'pip-tools==7.7.0']);
    console.log(`Resolving and hashing every package of ${name} (a few minutes)...`);
    run(join(tools, 'bin', 'pip-compile'), ['--quiet', '--generate-hashes', '--allow-unsafe', '--strip-extras',
      '--no-emit-index-url', '--no-emit-find-links', '--output-file', 'requirements.lock', 'requirements.in'], { cwd: folder });
    // The header names the command to run again, not the tool's own invocation.
    const file = join(folder, 'requirements.lock');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^#    pip-compile .*$/m, `#    npm run lock:python ${name}  (pip-compile --generate-hashes from requirements.in)`));
    console.log(`Wrote ${file}: start that backend once and run npm test before you commit it.`);
  } finally {
    rmSync(tools, { recursive: true, force: true });
  }
}

try {
  for (const name of chosen.length ? chosen : Object.keys(backends)) lock(name, backends[name]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
