// `infralabs classroom init <lab> <dir>`: a template repository for one lab, for GitHub Classroom:
// the starter as solution.ts (comments in the --lang language), the guide in both languages, package.json, a README for students and
// the workflow that grades every push (templates/). Node only.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../cli/errors.ts';
import { codeForLanguage } from '../code-language.ts';
import type { Lang } from '../lab.ts';
import { loadLab, projectRoot, type LabEntry } from '../labs.ts';

const templates = join(import.meta.dirname, 'templates');

export interface InitOptions {
  /** Project root holding labs/ and content/ (default: this installation). */
  root?: string;
  /** Language of the starter's comments and of the grade summary the workflow writes (its LANG);
   *  English by default. */
  lang?: Lang;
  /** The site the guides' links point to (they are site-relative, e.g. /en/lessons/ec2/). */
  site?: string;
}

/** What the learner starts from, with its comments in one language, as the lab page shows it. */
export async function starterText(entry: LabEntry, lang: Lang = 'en'): Promise<string> {
  return codeForLanguage(await readFile(entry.starter, 'utf8'), lang);
}

/** A lab guide as GitHub shows Markdown: the front matter becomes a title and a lead, and
 *  site-relative links point at the site. */
export function guideMarkdown(mdx: string, site: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(mdx);
  const field = (name: string) => (match ? new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(match[1]!)?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2') : undefined);
  const body = (match ? mdx.slice(match[0].length) : mdx).replace(/\]\(\//g, `](${site.replace(/\/+$/, '')}/`);
  const title = field('title');
  const description = field('description');
  return `${title ? `# ${title}\n\n` : ''}${description ? `${description}\n\n` : ''}${body.replace(/^\n+/, '')}`;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);

/** The files of the template repository, by path. */
export async function classroomFiles(labId: string, options: InitOptions = {}): Promise<Record<string, string>> {
  const root = options.root ?? projectRoot;
  const entry = await loadLab(labId, root);
  const site = options.site ?? 'http://localhost:4321';
  const guide = async (lang: Lang) => {
    const path = join(root, 'content', lang, 'labs', `${labId}.mdx`);
    try {
      return guideMarkdown(await readFile(path, 'utf8'), site);
    } catch {
      throw new UsageError(`The lab ${labId} has no ${lang === 'ko' ? 'Korean' : 'English'} guide (${path}): write it, then run classroom init again.`);
    }
  };
  const values = { lab: labId, titleEn: entry.lab.title.en, titleKo: entry.lab.title.ko, locale: options.lang === 'ko' ? 'ko_KR.UTF-8' : 'C.UTF-8' };
  const template = async (name: string) => fill(await readFile(join(templates, name), 'utf8'), values);
  const packageJson = {
    name: `infralabs-${labId}`,
    private: true,
    type: 'module',
    description: `Infra Labs assignment: ${entry.lab.title.en}`,
    engines: { node: '>=22.18.0' },
    scripts: { setup: `infralabs setup ${labId}`, start: 'infralabs run solution.ts', grade: `infralabs grade ${labId}` },
  };
  return {
    'solution.ts': await starterText(entry, options.lang),
    'GUIDE.en.md': await guide('en'),
    'GUIDE.ko.md': await guide('ko'),
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'README.md': await template('README.md'),
    '.gitignore': await template('gitignore'),
    '.github/workflows/classroom.yml': await template('classroom.yml'),
  };
}

/** Writes the template repository into `dir`, which must not exist or be empty. */
export async function initClassroom(labId: string, dir: string, options: InitOptions = {}): Promise<string[]> {
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new UsageError(`${dir} already exists and is not an empty folder: choose a new folder (classroom init never overwrites files).`);
  }
  const files = await classroomFiles(labId, options);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return Object.keys(files);
}
