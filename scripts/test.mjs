// `npm test`: the type check, then every test against a real sandbox that the tests start and stop.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup, root } from './ensure-setup.mjs';

ensureSetup(fileURLToPath(import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (name, args) => spawnSync(bin(name), args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const vitestArgs = process.argv.slice(2);
// A focused run (`npm test -- labs/ec2-launch`) skips the whole-project type check.
if (vitestArgs.length === 0) {
  console.log('Type check (tsc --noEmit, strict)...');
  if (run('tsc', ['--noEmit', '-p', '.']) !== 0) {
    console.error('The type check failed: fix the errors above (npm run typecheck) and run again.');
    process.exit(1);
  }
}
process.exit(run('vitest', ['run', ...vitestArgs]));
