// About how long a lesson or a lab takes, for the course path: reading time of the text (Korean
// about 500 characters a minute, English about 200 words), and for a lab its guide plus some
// minutes a step for writing and running the code. Shown as estimates ("about 12 min").
import type { Lang } from '../../i18n/ui.ts';

/** The prose of an MDX file: no frontmatter, imports, components or code. */
function prose(mdx: string): string {
  return mdx
    .replace(/^---[\s\S]*?---/, '')
    .replace(/^import .*$/gm, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

export function readingMinutes(mdx: string, lang: Lang): number {
  const text = prose(mdx);
  const minutes = lang === 'ko' ? text.replace(/\s/g, '').length / 500 : (text.match(/\S+/g)?.length ?? 0) / 200;
  return Math.max(1, Math.round(minutes));
}

/** Minutes a step of a lab takes to write, run and check, on average. */
const minutesPerStep = 6;

export function labMinutes(guide: string, lang: Lang, steps: number): number {
  return Math.round((readingMinutes(guide, lang) + steps * minutesPerStep) / 5) * 5;
}
