// Reading the parts of an MDX page the content lint needs (headings, links, quiz blocks) without
// a full MDX parser: fenced code is blanked out first, so code samples never count as prose.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ContentProblem {
  /** Path relative to the project root, with `:line` when one line is at fault. */
  path: string;
  /** What is wrong and how to fix it, one line. */
  message: string;
}

/** The page's text with fenced code blocks and the frontmatter replaced by empty lines. */
export function prose(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  let frontmatter = lines[0]?.trim() === '---';
  return lines
    .map((line, index) => {
      if (frontmatter) {
        if (index > 0 && line.trim() === '---') frontmatter = false;
        return '';
      }
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return '';
      }
      if (marker) {
        fence = marker;
        return '';
      }
      return line;
    })
    .join('\n');
}

export interface Heading {
  depth: number;
  text: string;
  line: number;
}

/** `##`-style headings of the prose (Starlight renders the page title as the only h1). */
export function headings(text: string): Heading[] {
  return prose(text)
    .split('\n')
    .flatMap((line, index) => {
      const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
      return match ? [{ depth: match[1]!.length, text: match[2]!, line: index + 1 }] : [];
    });
}

/** The text a heading renders to: what its anchor is made from. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/** 1-based line number of a character offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Every .md/.mdx file under a folder, as paths relative to root, sorted. */
export function pages(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.mdx?$/.test(entry.name)) found.push(relative(root, child));
    }
  };
  walk(dir);
  return found.sort();
}
