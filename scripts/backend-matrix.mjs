// `npm run matrix [moto|ministack|localstack]...`: every lab solved then graded on a fresh account,
// per backend (each behind the same gateway, started here), as a lab x backend table, then each
// failing check with its id and message. LocalStack is skipped, with the reason, without Python 3.13+.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ensureSetup, root } from './ensure-setup.mjs';

ensureSetup(fileURLToPath(import.meta.url));
const { register } = await import('tsx/esm/api');
register();
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { startSandbox } = await load('sandbox/sandbox.ts');
const { emulators } = await load('sandbox/backends/emulators.ts');
const { findPython } = await load('sandbox/venv.ts');
const { gradeEveryLab } = await load('sandbox/backends/matrix.ts');

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ['moto', 'ministack', 'localstack'];
const columns = [];
for (const backend of chosen) {
  const emulator = emulators[backend];
  if (emulator && !findPython(emulator.venv)) {
    console.error(`${backend}: skipped. ${emulator.venv.missingPython}`);
    continue;
  }
  console.error(`${backend}: starting...`);
  const started = Date.now();
  const sandbox = await startSandbox({ port: 0, emulator: emulator ? backend : undefined, log: (line) => console.error(`  ${line}`) });
  try {
    const scores = await gradeEveryLab(sandbox.endpoint, { scriptTimeoutMs: Number(process.env.INFRALABS_SCRIPT_TIMEOUT_MS) || undefined });
    columns.push({ backend, version: await sandbox.backend.version(), scores });
    console.error(`${backend}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await sandbox.stop();
  }
}

const cell = (score) => `${score.score}/${score.maxScore}`;
const total = (scores) => `${scores.reduce((sum, s) => sum + s.score, 0)}/${scores.reduce((sum, s) => sum + s.maxScore, 0)}`;
console.log(`| lab | ${columns.map((c) => `${c.backend} ${c.version}`).join(' | ')} |`);
console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`);
for (const [index, { lab }] of (columns[0]?.scores ?? []).entries()) {
  console.log(`| \`${lab}\` | ${columns.map((c) => cell(c.scores[index])).join(' | ')} |`);
}
console.log(`| all | ${columns.map((c) => total(c.scores)).join(' | ')} |`);
for (const { backend, scores } of columns) {
  const failing = scores.flatMap((s) => s.failing.map((f) => `- ${s.lab} \`${f.id}\`: ${f.message.replace(/\s+/g, ' ')}`));
  if (failing.length) console.log(`\n${backend}, failing checks:\n${failing.join('\n')}`);
}
