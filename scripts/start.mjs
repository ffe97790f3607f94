// `npm start`: sets up what is missing, then serves the sandbox and the site until Ctrl-C.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup, root } from './ensure-setup.mjs';

ensureSetup(fileURLToPath(import.meta.url));
const children = [
  spawn(process.execPath, [join(root, 'bin', 'infralabs.mjs'), 'sandbox'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', '4321'], { cwd: root, stdio: 'inherit' }),
];
console.log('\nInfra Labs: site http://localhost:4321  sandbox http://localhost:4566  (Ctrl-C stops both)\n');
const stopAll = () => children.forEach((child) => child.kill('SIGINT'));
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
for (const child of children) child.on('exit', (code) => { if (code) { stopAll(); process.exitCode = code; } });
