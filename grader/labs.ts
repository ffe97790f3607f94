// Finds the labs on disk (labs/<id>/lab.ts, nothing registered by hand) and lints each one: a
// broken lab is reported with its path and the fix, and the others still load. Node only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lab } from './lab.ts';
import { describeIssues, labSchema } from './lab-schema.ts';

export const projectRoot = join(import.meta.dirname, '..');

export interface Fixture {
  /** Absolute path of fixtures/<check>.ts or fixtures/<check>.<variant>.ts */
  file: string;
  /** The check this fixture must fail. */
  check: string;
  /** Other checks it fails too, from a first line `// also fails: <id>, <id> (reason)`. */
  alsoFails: string[];
}

export interface LabEntry {
  id: string;
  dir: string;
  lab: Lab;
  setup: string;
  starter: string;
  solution: string;
  fixtures: Fixture[];
  /** variants/<name>.ts: other correct scripts that must pass. */
  variants: string[];
}

export interface LabProblem {
  /** Path relative to the project root. */
  path: string;
  /** What is wrong and how to fix it, one line. */
  message: string;
}

export interface LoadedLabs {
  labs: LabEntry[];
  problems: LabProblem[];
}

const requiredFiles = [
  ['setup.ts', 'add it: `export default async function setup(ctx: LabContext) {}` (creates the prerequisites, idempotent)'],
  ['starter.ts', "add it: the learner's starting script"],
  ['solution.ts', 'add it: the reference solution, a learner script that passes every check'],
] as const;

/** The ids of labs/<id>/ folders, sorted. */
export function labIds(root = projectRoot): string[] {
  const dir = join(root, 'labs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
}

/** Loads and lints every lab and every lab guide. */
export async function loadLabs(root = projectRoot): Promise<LoadedLabs> {
  const ids = labIds(root);
  const results = await Promise.all(ids.map((id) => lintLab(id, root)));
  const labs = results.flatMap((result) => (result.entry ? [result.entry] : []));
  const problems = results.flatMap((result) => result.problems);
  problems.push(...lintGuides(ids, root));
  return { labs, problems };
}

/** Loads one lab; throws LabLintError listing its problems when it cannot be used at all. */
export async function loadLab(id: string, root = projectRoot): Promise<LabEntry> {
  if (!labIds(root).includes(id)) {
    const known = labIds(root);
    throw new LabLintError([{ path: `labs/${id}`, message: `No lab "${id}"${known.length ? `: choose one of ${known.join(', ')}` : ': there are no labs yet'} (see \`infralabs labs\`).` }]);
  }
  const { entry, problems } = await lintLab(id, root);
  if (!entry) throw new LabLintError(problems);
  return entry;
}

export class LabLintError extends Error {
  readonly problems: LabProblem[];

  constructor(problems: LabProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

/** Lints one lab folder. `entry` is set when the definition loads (even with other problems). */
export async function lintLab(id: string, root = projectRoot): Promise<{ entry?: LabEntry; problems: LabProblem[] }> {
  const dir = join(root, 'labs', id);
  const rel = (file: string) => relative(root, file);
  const problems: LabProblem[] = [];
  const labFile = join(dir, 'lab.ts');
  if (!existsSync(labFile)) {
    return { problems: [{ path: rel(labFile), message: 'missing: add lab.ts with `export default defineLab({ id, title, summary, lessons, services, steps })`.' }] };
  }
  let definition: unknown;
  try {
    definition = ((await import(pathToFileURL(labFile).href)) as { default?: unknown }).default;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problems: [{ path: rel(labFile), message: `does not load (${message}): fix the error and lint again.` }] };
  }
  if (definition === undefined) {
    return { problems: [{ path: rel(labFile), message: 'has no default export: end it with `export default defineLab({ ... })`.' }] };
  }
  const parsed = labSchema.safeParse(definition);
  if (!parsed.success) {
    return { problems: describeIssues(parsed.error).map((message) => ({ path: rel(labFile), message: `${message}.` })) };
  }
  const lab = definition as Lab;
  if (lab.id !== id) problems.push({ path: rel(labFile), message: `id is "${lab.id}" but the folder is labs/${id}: make them the same.` });
  const duplicates = (ids: string[]) => [...new Set(ids.filter((value, index) => ids.indexOf(value) !== index))];
  for (const step of duplicates(lab.steps.map((s) => s.id))) problems.push({ path: rel(labFile), message: `step id "${step}" is used twice: give each step its own id.` });
  const checkIds = lab.steps.flatMap((step) => step.checks.map((check) => check.id));
  for (const check of duplicates(checkIds)) problems.push({ path: rel(labFile), message: `check id "${check}" is used twice: check ids are unique within a lab (they name the fixtures).` });

  for (const [name, fix] of requiredFiles) {
    if (!existsSync(join(dir, name))) problems.push({ path: rel(join(dir, name)), message: `missing: ${fix}.` });
  }

  const fixtures = readFixtures(join(dir, 'fixtures'));
  for (const fixture of fixtures) {
    if (!checkIds.includes(fixture.check)) {
      problems.push({ path: rel(fixture.file), message: `names no check of the lab ("${fixture.check}"): rename it to fixtures/<check-id>.ts, one of ${checkIds.join(', ')}.` });
    }
    for (const other of fixture.alsoFails) {
      if (!checkIds.includes(other)) problems.push({ path: rel(fixture.file), message: `"// also fails: ${other}" names no check of the lab: use check ids (${checkIds.join(', ')}).` });
    }
  }
  for (const check of checkIds) {
    if (!fixtures.some((fixture) => fixture.check === check)) {
      problems.push({ path: rel(join(dir, 'fixtures', `${check}.ts`)), message: `missing: check "${check}" has no fixture; add a learner script that fails exactly this check.` });
    }
  }
  const variantsDir = join(dir, 'variants');
  const variants = existsSync(variantsDir)
    ? readdirSync(variantsDir).filter((name) => name.endsWith('.ts')).sort().map((name) => join(variantsDir, name))
    : [];
  const entry: LabEntry = {
    id,
    dir,
    lab,
    setup: join(dir, 'setup.ts'),
    starter: join(dir, 'starter.ts'),
    solution: join(dir, 'solution.ts'),
    fixtures,
    variants,
  };
  return { entry, problems };
}

/** fixtures/*.ts of a lab folder, with the check each one names. */
export function readFixtures(dir: string): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return { file, check: name.slice(0, -'.ts'.length).split('.')[0]!, alsoFails: alsoFails(readFileSync(file, 'utf8')) };
    });
}

/** `// also fails: a-check, b-check (reason)` on the first line. */
export function alsoFails(source: string): string[] {
  const match = /^\/\/\s*also fails:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/.exec(source.split('\n', 1)[0] ?? '');
  return match ? match[1]!.split(',').map((id) => id.trim()) : [];
}

/** Every lab has a guide in each language, and every guide has a lab. */
function lintGuides(ids: string[], root: string): LabProblem[] {
  const problems: LabProblem[] = [];
  for (const lang of ['ko', 'en']) {
    const dir = join(root, 'content', lang, 'labs');
    const guides = existsSync(dir) ? readdirSync(dir).filter((name) => /\.mdx?$/.test(name)).map((name) => name.replace(/\.mdx?$/, '')) : [];
    for (const id of ids) {
      if (!guides.includes(id)) problems.push({ path: `content/${lang}/labs/${id}.mdx`, message: `missing: lab "${id}" has no ${lang === 'ko' ? 'Korean' : 'English'} guide; write one.` });
    }
    for (const guide of guides) {
      if (!ids.includes(guide)) problems.push({ path: `content/${lang}/labs/${guide}.mdx`, message: `guide without a lab: there is no labs/${guide}/; rename the guide to a lab id (${ids.join(', ') || 'none yet'}) or remove it.` });
    }
  }
  return problems;
}
