// `npm run bench`: runs every bench/*.bench.ts and prints its figures (medians and ratios).
// A bench module's default export is an async function returning
//   [{ name, value, unit, target? }]   e.g. { name: 'sandbox start to ready', value: 640, unit: 'ms', target: '< 2000 ms' }
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureSetup, root } from './ensure-setup.mjs';

ensureSetup(fileURLToPath(import.meta.url));
const { register } = await import('tsx/esm/api');
register();
const only = process.argv[2];
const files = readdirSync(join(root, 'bench')).filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only))).sort();
const rows = [];
for (const file of files) {
  console.error(`running bench/${file} ...`);
  const { default: bench } = await import(pathToFileURL(join(root, 'bench', file)).href);
  for (const result of await bench()) rows.push({ file, ...result });
}
const format = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
console.log('\n| figure | median | target |\n| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.name} | ${format(row.value)} ${row.unit} | ${row.target ?? ''} |`);
