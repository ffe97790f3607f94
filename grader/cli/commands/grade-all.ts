// `infralabs grade all --roster roster.csv`: every lab (or --labs) for every student, concurrently
// and bounded, each with the student's own key and at the student's own sandbox (the roster's
// endpoint column; else --endpoint). Writes the gradebook (grader/format/gradebook.ts).
import { resolve } from 'node:path';
import { z } from 'zod';
import { formatGradebookCsv, gradebookJson, type Gradebook } from '../../format/gradebook.ts';
import type { Lab } from '../../lab.ts';
import { labIds, loadLab } from '../../labs.ts';
import { limit } from '../../limit.ts';
import { readRoster, type RosterRow } from '../../roster.ts';
import { assertSandboxReachable } from '../../sandbox-api.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import type { GlobalOptions } from '../options.ts';

export const labsOption = {
  type: 'string',
  value: '<lab>,<lab>...',
  description: 'with `grade all`: only these labs (default every lab)',
  schema: z.string().regex(/^\s*[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*\s*$/, 'must be lab ids separated by commas, e.g. --labs ec2-launch,s3-backup'),
} as const;

export interface GradeAllOptions {
  roster?: string;
  labs?: string;
  format?: string;
  concurrency?: number;
  /** Write to this file instead of stdout. */
  output?: string;
}

/** Grades every (student, lab) pair, `concurrency` at a time; rows in roster order, labs in the given order. */
export async function gradeBook(labs: Lab[], students: RosterRow[], defaultEndpoint: string, concurrency = 8, lang: 'ko' | 'en' = 'en'): Promise<Gradebook> {
  const [{ createLabContext }, { gradeLab }] = await Promise.all([import('../../context.ts'), import('../../engine.ts')]);
  const slot = limit(concurrency);
  const rows = await Promise.all(
    students.map(async ({ student, account, secret, endpoint = defaultEndpoint }) => {
      // One context per student: its clients (and their keep-alive connections) serve every lab.
      const context = createLabContext({ endpoint, account, secret });
      const reports = await Promise.all(labs.map((lab) => slot(() => gradeLab(lab, context, { lang }))));
      return { student, account, endpoint, reports };
    }),
  );
  return { labs: labs.map((lab) => ({ id: lab.id, maxScore: lab.steps.flatMap((s) => s.checks).reduce((n, c) => n + c.points, 0) })), rows };
}

/** What a class view grades: the labs (`labs`: ids separated by commas, default every lab) and the
 *  roster's students, once every sandbox of theirs answers. */
export async function loadClass(global: GlobalOptions, io: Io, roster: string, labs?: string): Promise<{ labs: Lab[]; students: RosterRow[] }> {
  const ids = labs ? [...new Set(labs.split(',').map((id) => id.trim()))] : labIds(io.root);
  const loaded = await Promise.all(ids.map(async (id) => (await loadLab(id, io.root)).lab));
  const { students } = await readRoster(resolve(io.cwd, roster));
  await assertRosterReachable(students, global.endpoint);
  return { labs: loaded, students };
}

/** Every sandbox a roster's students work on answers (their own endpoint, else `endpoint`). */
export async function assertRosterReachable(students: readonly RosterRow[], endpoint: string): Promise<void> {
  await Promise.all([...new Set(students.map((s) => s.endpoint ?? endpoint))].map((one) => assertSandboxReachable(one)));
}

export async function gradeAll(global: GlobalOptions, io: Io, options: GradeAllOptions, write: (text: string) => Promise<void> | void): Promise<number> {
  if (!options.roster) throw new UsageError('`infralabs grade all` grades a class: pass --roster roster.csv (make one with `infralabs roster new names.txt > roster.csv`).');
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`\`infralabs grade all\` writes a gradebook: --format csv (default) or json, not ${format}.`);
  const { labs, students } = await loadClass(global, io, options.roster, options.labs);
  const book = await gradeBook(labs, students, global.endpoint, options.concurrency, global.lang);
  await write(format === 'json' ? `${JSON.stringify(gradebookJson(book), null, 2)}\n` : formatGradebookCsv(book));
  return book.rows.every((row) => row.reports.every((r) => r.passed)) ? 0 : 1;
}
