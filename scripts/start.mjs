// `npm start`: sets up what is missing, then serves the sandbox and the site until Ctrl-C.
// The site is served built (fast pages, the SDK pre-bundled for the lab workers); it is rebuilt
// only when its sources changed since the last build. `npm run dev` serves it live instead.
// `npm start -- --classroom roster.csv` serves both to the room (the LAN) instead, every call
// signed with a roster key, and prints each student's join code and link.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSetup, root } from './ensure-setup.mjs';
import { siteFingerprint } from '../src/build/fingerprint.mjs';

const usage = '`npm start`, or for a class `npm start -- --classroom roster.csv [--host <name-or-ip>] [--lang ko|en] [--lab <id>]`';
const refuse = (message) => {
  console.error(message);
  process.exit(2);
};
let options;
try {
  options = parseArgs({ options: { classroom: { type: 'string' }, host: { type: 'string' }, lang: { type: 'string' }, lab: { type: 'string' } } }).values;
} catch (error) {
  refuse(`npm start: ${error.message.split(/\.( |$)/)[0]}: use ${usage}.`);
}
const classroom = options.classroom && resolve(options.classroom);
if (!classroom && Object.keys(options).length) refuse(`npm start: --host, --lang and --lab are for a class: add --classroom roster.csv (make one with \`npx infralabs roster new names.txt > roster.csv\`).`);
if (classroom && !existsSync(classroom)) refuse(`npm start: no roster at ${classroom}: make one with \`npx infralabs roster new names.txt > ${options.classroom}\`, or give its path.`);
if (options.lang && !['ko', 'en'].includes(options.lang)) refuse(`npm start: --lang must be ko or en (got "${options.lang}").`);
if (options.host && !/^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/i.test(options.host)) refuse(`npm start: --host must be a host name or IP address without port, like 192.168.0.10 (got "${options.host}").`);

ensureSetup(fileURLToPath(import.meta.url));
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const stamp = join(root, 'dist', '.infralabs-fingerprint');
const children = [];
let stopping = false;
const stopAll = () => {
  stopping = true;
  children.forEach((child) => child.kill('SIGINT'));
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
const track = (child) => {
  children.push(child);
  child.on('exit', (code) => { if (code) { stopAll(); process.exitCode = code; } });
  return child;
};

// The room reaches this machine at its LAN address (or --host); the sandbox answers that name and
// pages of the site there, and prints the join table once ready (a build's minute, if any, after).
// A bad roster is said now, not after a build's minute.
if (classroom) await (await import('../grader/roster.ts')).readClassRoster(classroom).catch((error) => refuse(`npm start: ${error.message}`));
const room = classroom ? await import('../grader/classroom/join-links.ts') : undefined;
const host = room ? options.host ?? room.lanAddress() : 'localhost';
if (!host) refuse('npm start: this machine has no network address for the room: join the room\'s network, or pass --host <name-or-ip>.');
const hostInUrl = room ? room.urlHost(host) : host;
const site = `http://${hostInUrl}:4321`;
const sandboxArgs = classroom
  ? ['--listen', '0.0.0.0', '--roster', classroom, '--host-name', host, '--allow-origin', site, '--site', site,
    ...(options.lang ? ['--lang', options.lang] : []), ...(options.lab ? ['--lab', options.lab] : [])]
  : [];
track(spawn(process.execPath, [join(root, 'bin', 'infralabs.mjs'), 'sandbox', ...sandboxArgs], { cwd: root, stdio: 'inherit' }));

// The in-page sandbox's files (public/page-sandbox/), before the site's fingerprint: they are part
// of the site. Free when up to date; without a network on the first start the local sandbox still works.
// Imported here, not above: it needs fflate, which ensureSetup may have just installed.
const { buildPageSandbox } = await import('./build-page-sandbox.mjs');
await buildPageSandbox().catch((error) => console.error(`The in-page sandbox was not built (${error.message}); the site works with this local sandbox.`));
const fingerprint = siteFingerprint(root);
const upToDate = existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
if (!upToDate) {
  console.log('Building the site (first start or changed sources, about a minute)...');
  const build = track(spawn(process.execPath, [astro, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }));
  const code = await new Promise((resolve) => build.on('exit', resolve));
  if (code !== 0) {
    // Stopped, by Ctrl-C or because the sandbox failed and said why: no build error to report.
    if (!stopping) console.error('The site did not build: fix the error above and run `npm start` again.');
    stopAll();
    process.exit(process.exitCode ?? 1);
  }
  writeFileSync(stamp, fingerprint);
}
// Vite answers IP addresses by default; a host name must be allowed.
const previewHost = classroom ? ['--host', '0.0.0.0', ...(/[a-z]/i.test(host) && !host.includes(':') ? ['--allowed-hosts', host] : [])] : [];
track(spawn(process.execPath, [astro, 'preview', ...previewHost, '--port', '4321'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }));

/** Resolves once the URL answers (any status), so the URLs are printed only when they work, or
 *  when start-up is abandoned (a child failed and its error is already on screen). */
async function answering(url) {
  while (!stopping) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

await Promise.all([answering('http://localhost:4566/_infralabs/health'), answering('http://localhost:4321/')]);
if (!stopping && !classroom) console.log('\nInfra Labs: site http://localhost:4321  sandbox http://localhost:4566  (Ctrl-C stops both)\n');
if (!stopping && classroom) console.log(`\nInfra Labs for the room: site ${site}  sandbox http://${hostInUrl}:4566. Students join with their code or link above. (Ctrl-C stops both)\n`);
