#!/usr/bin/env node
// The `infralabs` command. Plain JavaScript so that it starts on any Node: on one older than
// the platform needs, it re-runs itself with the Node 22 that npm installed beside it.
import { fileURLToPath } from 'node:url';
import { rerunOnNode22, root } from '../scripts/node-22.mjs';

rerunOnNode22(fileURLToPath(import.meta.url),
  `infralabs needs Node.js 22.12 or newer (this is ${process.version}): run \`npm install\` in ${root}, or install Node 22.`);

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../grader/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
