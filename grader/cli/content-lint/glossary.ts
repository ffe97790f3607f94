// One vocabulary: content/glossary.json is the one list of terms (each Korean term as AWS's own
// Korean documentation writes it) with the non-standard forms to avoid; the lint finds those
// forms in the lessons, guides, hints and UI strings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from './mdx.ts';

const bilingual = z.object({ ko: z.string().min(1), en: z.string().min(1) });

export const glossarySchema = z.object({
  $comment: z.string().optional(),
  terms: z.array(
    z.object({
      /** The English term, as the English documentation writes it. */
      en: z.string().min(1),
      /** The Korean term, as AWS's Korean documentation writes it. */
      ko: z.string().min(1),
      /** One sentence on what it is, in both languages. */
      about: bilingual,
      /**
       * Forms the course must not use for it, as regular expressions matched against each line
       * (plain words are fine; write `(?<![가-힣])` where a longer word would match too).
       */
      wrong: z.array(z.string().min(1)).default([]),
      /** The AWS documentation page (Korean) the term follows. */
      source: z.string().url().optional(),
    }),
  ),
  /** Calques of English phrasing, with the plain Korean to write instead. */
  phrasing: z.array(z.object({ wrong: z.string().min(1), right: z.string().min(1), en: z.string().min(1) })).default([]),
});
export type Glossary = z.infer<typeof glossarySchema>;

export const glossaryPath = 'content/glossary.json';

/** Where learner-facing Korean lives: lessons, guides, diagrams, lab hints and messages (and the shared ones in grader/queries), UI strings (src/i18n, and
 * the few components that still hold their own, such as the cost chart). */
const scanned: Array<{ folder: string; file: RegExp; depth?: number }> = [
  { folder: 'content', file: /\.(mdx?|svg)$/ },
  { folder: 'labs', file: /^[^.]+\.ts$/, depth: 2 },
  { folder: 'src/i18n', file: /\.ts$/ },
  { folder: 'src/components', file: /\.(astro|ts)$/ },
  { folder: 'grader/queries', file: /\.ts$/ },
];

export function loadGlossary(root: string): { glossary?: Glossary; problems: ContentProblem[] } {
  const file = join(root, glossaryPath);
  if (!existsSync(file)) return { problems: [{ path: glossaryPath, message: 'missing: the glossary (terms and their non-standard forms) is the one source for the Korean terms; restore it.' }] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problems: [{ path: glossaryPath, message: `not valid JSON (${(error as Error).message}); fix the syntax.` }] };
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problems: [{ path: glossaryPath, message: `${issue.path.join('.')}: ${issue.message}` }] };
  }
  const problems: ContentProblem[] = [];
  for (const rule of rules(parsed.data)) {
    try {
      new RegExp(rule.wrong, 'u');
    } catch {
      problems.push({ path: glossaryPath, message: `"${rule.wrong}" is not a valid regular expression; escape it.` });
    }
  }
  return problems.length ? { problems } : { glossary: parsed.data, problems };
}

interface Rule {
  wrong: string;
  right: string;
  why: string;
}

function rules(glossary: Glossary): Rule[] {
  return [
    ...glossary.terms.flatMap((term) => term.wrong.map((wrong) => ({ wrong, right: term.ko, why: `AWS's Korean term for "${term.en}"` }))),
    ...glossary.phrasing.map((p) => ({ wrong: p.wrong, right: p.right, why: `a calque of "${p.en}"` })),
  ];
}

/** Every use of a non-standard form, one problem per line and form. */
export function termProblems(root: string, glossary: Glossary): ContentProblem[] {
  const compiled = rules(glossary).map((rule) => ({ ...rule, pattern: new RegExp(rule.wrong, 'gu') }));
  const problems: ContentProblem[] = [];
  for (const path of scannedFiles(root)) {
    readFileSync(join(root, path), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const rule of compiled) {
          for (const match of line.matchAll(rule.pattern)) {
            problems.push({ path: `${path}:${index + 1}`, message: `"${match[0].trim()}" → "${rule.right}" (${rule.why}; see ${glossaryPath}).` });
          }
        }
      });
  }
  return problems;
}

function scannedFiles(root: string): string[] {
  const found: string[] = [];
  for (const { folder, file, depth = Infinity } of scanned) {
    const walk = (dir: string, level: number) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (level < depth) walk(path, level + 1);
        } else if (file.test(entry.name) && !entry.name.endsWith('.test.ts')) found.push(relative(root, path));
      }
    };
    walk(join(root, folder), 1);
  }
  return found.sort();
}
