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

/** One link per lab folder that has a lab.ts, labelled with its guide's title in each language. */
export function labItems(root) {
  const labsDir = join(root, 'labs');
  if (!existsSync(labsDir)) return [];
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(labsDir, entry.name, 'lab.ts')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const title = (lang) => {
        const file = mdx(join(root, 'content', lang, 'labs')).find((name) => name.replace(/\.mdx?$/, '') === id);
        return file ? frontmatter(join(root, 'content', lang, 'labs', file)).title : undefined;
      };
      const ko = title('ko') ?? title('en') ?? id;
      return { label: ko, translations: { en: title('en') ?? ko }, link: `/labs/${id}/` };
    });
}
