// The labs on disk, for pages built at build time: definition, starter code and guide per language.
import type { Lab } from '../../grader/lab.ts';
import { codeForLanguage } from '../../grader/code-language.ts';

const definitions = import.meta.glob<{ default: Lab }>('../../labs/*/lab.ts', { eager: true });
const starters = import.meta.glob<string>('../../labs/*/starter.ts', { eager: true, query: '?raw', import: 'default' });

export interface LabInfo {
  lab: Lab;
  /** The starter in each language (comments in that language only: code-language.ts). */
  starter: { ko: string; en: string };
  /** The names of what the lab asks for (web-1, web-sg) and name prefixes (site-), from its starter. */
  names: string[];
}

/** Names the starter gives in backticks or as Name=…, and bucket prefixes such as `site-${Account}`. */
export function resourceNames(starter: string): string[] {
  const found = [
    ...[...starter.matchAll(/`([a-z][a-z0-9-]*[a-z0-9])`/g)].map((match) => match[1]!),
    ...[...starter.matchAll(/Name=([A-Za-z0-9][\w-]*)/g)].map((match) => match[1]!),
    ...[...starter.matchAll(/[`'"]([a-z][a-z0-9]*-)\$\{/g)].map((match) => match[1]!),
  ];
  return [...new Set(found)];
}

export function allLabs(): LabInfo[] {
  return Object.entries(definitions)
    .map(([path, module]) => {
      const starter = starters[path.replace(/lab\.ts$/, 'starter.ts')] ?? '';
      return { lab: module.default, starter: { ko: codeForLanguage(starter, 'ko'), en: codeForLanguage(starter, 'en') }, names: resourceNames(starter) };
    })
    .sort((a, b) => a.lab.id.localeCompare(b.lab.id));
}
