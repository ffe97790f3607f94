// A site served under a base path (GitHub Pages serves a project at /<repo>/) needs every
// root-relative link under that base. Astro adds the base to what it generates (assets, Starlight's
// navigation), but lessons write their links as /ko/lessons/ec2/ (Markdown links and components'
// href props, e.g. LinkCard) so that they read the same for every host. After a build with a base,
// this integration prefixes the links the pages still have without it. (Astro 7's Markdown
// processor, Sätteri, runs no rehype plugins, and MDX props are not HTML until rendered: the
// built HTML is the one place where every such link is plain to see.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A root-relative URL under the base; any other URL (absolute, protocol-relative, #, relative) unchanged. */
export function withBase(url, prefix) {
  if (!prefix || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url === prefix || url.startsWith(`${prefix}/`)) return url;
  return `${prefix}${url}`;
}

/** One page's HTML with its href and src attributes under the base. */
export function htmlWithBase(html, prefix) {
  return html.replace(/(\s(?:href|src)=)(["'])(\/[^"']*)\2/g, (_, attribute, quote, url) => `${attribute}${quote}${withBase(url, prefix)}${quote}`);
}

function* htmlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** The integration: does nothing for a site at '/'. */
export function baseLinks(base) {
  const prefix = base.replace(/\/+$/, '');
  return {
    name: 'infralabs-base-links',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (!prefix) return;
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const fixed = htmlWithBase(html, prefix);
          if (fixed !== html) writeFileSync(file, fixed);
        }
      },
    },
  };
}
