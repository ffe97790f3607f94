// Builds Starlight's sidebar from the files on disk. Starlight's `autogenerate` only works for
// docs under src/content/docs, and our docs live in content/, so we list lessons and labs
// ourselves at start-up (a new lesson needs a restart of the dev server, as a config change does).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The few frontmatter fields the sidebar needs, read without a YAML parser. */
function frontmatter(file) {
  const text = readFileSync(file, 'utf8');
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const field = (name) => new RegExp(`^\\s*${name}:\\s*(.+)$`, 'm').exec(block)?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
  const order = Number(/^\s+order:\s*(-?\d+)/m.exec(block)?.[1]);
  return { title: field('title'), label: /^\s+label:\s*(.+)$/m.exec(block)?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2'), order: Number.isFinite(order) ? order : undefined };
}

const mdx = (dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => /^[^_].*\.mdx?$/.test(name)).sort() : []);

/** One sidebar slug item per lesson, ordered by `sidebar.order`, then by file name. */
export function lessonItems(root) {
  const names = [...new Set([...mdx(join(root, 'content/ko/lessons')), ...mdx(join(root, 'content/en/lessons'))])];
  const order = (name) => {
    const file = ['ko', 'en'].map((lang) => join(root, 'content', lang, 'lessons', name)).find(existsSync);
    return frontmatter(file).order ?? Number.MAX_SAFE_INTEGER;
  };
  return names
    .map((name) => ({ name, order: order(name) }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map(({ name }) => ({ slug: `lessons/${name.replace(/\.mdx?$/, '')}` }));
}

/** Pages beside the lessons, content/<lang>/<name>.mdx: the study notes and the glossary. */
export const referenceItems = (root) => ['study-notes', 'glossary'].filter((name) => existsSync(join(root, 'content/ko', `${name}.mdx`))).map((slug) => ({ slug }));

/** A lab's title and lessons from its lab.ts, read as text (the config must not load the SDK). */
function labDefinition(file) {
  const text = readFileSync(file, 'utf8');
  const title = /title:\s*\{\s*ko:\s*(['"`])(.*?)\1,\s*en:\s*(['"`])(.*?)\3/.exec(text);
  const lessons = /lessons:\s*\[([^\]]*)\]/.exec(text)?.[1]?.match(/[\w-]+/g) ?? [];
  return { ko: title?.[2], en: title?.[4], lessons };
}

/**
 * Where a lab goes among the lessons: after the last lesson it practises (the S3-triggered Lambda
 * lab needs both the S3 and the Lambda lesson), or at the end when it names none we know.
 */
export function labRank(ranks) {
  const known = ranks.filter((rank) => rank !== Number.MAX_SAFE_INTEGER);
  return known.length ? Math.max(...known) : Number.MAX_SAFE_INTEGER;
}

/**
 * One link per lab folder that has a lab.ts, labelled with its guide's title (else the lab's) in
 * each language, in course order: after the last lesson each practises.
 */
export function labItems(root, lessons = lessonItems(root)) {
  const labsDir = join(root, 'labs');
  if (!existsSync(labsDir)) return [];
  const lessonRank = (slug) => {
    const index = lessons.findIndex((item) => item.slug === `lessons/${slug}`);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(labsDir, entry.name, 'lab.ts')))
    .map((entry) => {
      const id = entry.name;
      const definition = labDefinition(join(labsDir, id, 'lab.ts'));
      const guideTitle = (lang) => {
        const file = mdx(join(root, 'content', lang, 'labs')).find((name) => name.replace(/\.mdx?$/, '') === id);
        return file ? frontmatter(join(root, 'content', lang, 'labs', file)).title : undefined;
      };
      const ko = guideTitle('ko') ?? definition.ko ?? id;
      const en = guideTitle('en') ?? definition.en ?? ko;
      return { id, rank: labRank(definition.lessons.map(lessonRank)), item: { label: ko, translations: { en }, link: `/labs/${id}/` } };
    })
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
    .map(({ item }) => item);
}
