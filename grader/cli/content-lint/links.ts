// Internal links resolve: a link to /<lang>/... names a page that exists (a lesson, a guide's lab,
// a page in content/), and an anchor names a heading on that page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { headings, headingText, lineOf, prose, type ContentProblem } from './mdx.ts';
import { counterpart } from './parity.ts';

/** The page file a site path is built from, or `lab` for a lab page, or undefined. */
export function resolvePage(root: string, sitePath: string): string | 'lab' | undefined {
  const match = /^\/(ko|en)\/(.*?)\/?$/.exec(sitePath);
  if (!match) return undefined;
  const [, lang, rest] = match as unknown as [string, string, string];
  const lab = /^labs\/([\w-]+)$/.exec(rest);
  if (lab) return existsSync(join(root, 'labs', lab[1]!, 'lab.ts')) ? 'lab' : undefined;
  const base = join('content', lang, rest);
  const candidates = rest === '' ? [join('content', lang, 'index.mdx'), join('content', lang, 'index.md')] : [`${base}.mdx`, `${base}.md`, join(base, 'index.mdx')];
  return candidates.find((file) => existsSync(join(root, file)));
}

/** The anchors a page's headings get (the same slugs Astro gives them), plus Starlight's `_top`. */
export function anchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  return new Set(['_top', ...headings(text).map((h) => slugger.slug(headingText(h.text)))]);
}

/** Links in prose: Markdown `[text](target)` and `href="target"` (LinkCard, Card, <a>). */
export function links(text: string): Array<{ target: string; line: number }> {
  const body = prose(text);
  const found: Array<{ target: string; line: number }> = [];
  for (const match of body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\bhref=["']([^"']+)["']/g)) {
    found.push({ target: (match[1] ?? match[2])!, line: lineOf(body, match.index) });
  }
  return found;
}

export function linkProblems(root: string, path: string): ContentProblem[] {
  const text = readFileSync(join(root, path), 'utf8');
  const problems: ContentProblem[] = [];
  const pageLang = /^content\/(ko|en)\//.exec(path)?.[1];
  for (const { target, line } of links(text)) {
    if (/^[a-z]+:|^\/\//i.test(target)) continue; // external: not ours to check offline
    if (/\.(svg|png|jpe?g|gif|webp)$/i.test(target)) continue; // images are imported, and the build checks those
    const [where, anchor] = target.split('#') as [string, string | undefined];
    const at = `${path}:${line}`;
    if (where === '') {
      if (anchor && !anchors(text).has(decodeURIComponent(anchor))) problems.push({ path: at, message: `"#${anchor}" is not a heading on this page; link to one of its headings.` });
      continue;
    }
    if (!where.startsWith('/')) {
      problems.push({ path: at, message: `"${target}" is relative; write the site path (/${pageLang ?? 'ko'}/lessons/<slug>/), which works from every page.` });
      continue;
    }
    const page = resolvePage(root, where);
    if (!page) {
      problems.push({ path: at, message: `"${target}" leads nowhere: no page in content/ or lab in labs/ has that address.` });
      continue;
    }
    const lang = /^\/(ko|en)\//.exec(where)?.[1];
    // A page may point at its own translation ("the original is in Korean"), nowhere else across.
    if (pageLang && lang && lang !== pageLang && page !== counterpart(path)) problems.push({ path: at, message: `"${target}" leaves the page's language (${pageLang}); link to /${pageLang}/ instead.` });
    if (anchor && page !== 'lab' && !anchors(readFileSync(join(root, page), 'utf8')).has(decodeURIComponent(anchor))) {
      problems.push({ path: at, message: `"#${anchor}" is not a heading of ${page}; pick one of its headings' anchors.` });
    }
  }
  return problems;
}
