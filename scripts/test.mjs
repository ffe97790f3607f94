// `npm test`: every test, against a real sandbox that the tests start and stop themselves.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup, root } from './ensure-setup.mjs';

ensureSetup(fileURLToPath(import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const vitest = spawnSync(bin('vitest'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(vitest.status ?? 1);
