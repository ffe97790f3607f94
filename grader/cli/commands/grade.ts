import { appendFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { GradeReport } from '../../engine.ts';
import { formatCsv, formatRosterCsv } from '../../format/csv.ts';
import { classroomResult, githubOutputLine, stepSummary } from '../../format/github.ts';
import { formatJunit } from '../../format/junit.ts';
import { formatRosterText, formatText } from '../../format/text.ts';
import type { Lab, Lang } from '../../lab.ts';
import { loadLab } from '../../labs.ts';
import { readRoster } from '../../roster.ts';
import { limit } from '../../limit.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { assertSandboxAccepts } from '../key.ts';
import type { Io } from '../io.ts';
import type { GlobalOptions } from '../options.ts';
import { assertRosterReachable, gradeAll, labsOption } from './grade-all.ts';

const formats = ['text', 'json', 'junit', 'csv', 'github'] as const;
type Format = (typeof formats)[number];

export interface GradeOptions {
  format?: Format;
  roster?: string;
  concurrency?: number;
  /** Write the report to this file instead of stdout. */
  output?: string;
  /** `grade all` only: lab ids separated by commas. */
  labs?: string;
}

/** Loaded on use: the SDK clients take a while to load, and `--help` or a usage error should not wait. */
async function engine() {
  const [{ createLabContext }, { gradeLab }] = await Promise.all([import('../../context.ts'), import('../../engine.ts')]);
  return { createLabContext, gradeLab };
}

export interface StudentReport {
  student: string;
  report: GradeReport;
}

/** Grades every account of a roster, `concurrency` at a time, in roster order: each with its own
 *  secret and at its own endpoint when the roster has them (else at `endpoint`). */
export async function gradeRoster(lab: Lab, endpoint: string, roster: { student: string; account: string; secret?: string; endpoint?: string }[], concurrency = 8, lang: Lang = 'en'): Promise<StudentReport[]> {
  const { createLabContext, gradeLab } = await engine();
  const slot = limit(concurrency);
  return Promise.all(
    roster.map(({ student, account, secret, endpoint: own }) => slot(async () => ({ student, report: await gradeLab(lab, createLabContext({ endpoint: own ?? endpoint, account, secret }), { lang }) }))),
  );
}

export const gradeCommand: Command = {
  name: 'grade',
  usage: '<lab>',
  summary: 'grade the lab in the account (or every account of a roster); `grade all --roster r.csv` writes a gradebook of every lab',
  positionals: 1,
  options: {
    format: { type: 'string', value: formats.join('|'), description: 'text (default), json, junit (XML), csv, github (GitHub Classroom autograding)', schema: z.enum(formats, { message: `must be one of ${formats.join(', ')}` }) },
    roster: { type: 'string', value: '<roster.csv>', description: 'grade every account of a CSV with the columns student,account (secret, endpoint: each student\'s key and sandbox)' },
    labs: labsOption,
    concurrency: { type: 'string', value: '<n>', description: 'grades at once with --roster or `grade all` (default 8)', schema: z.coerce.number({ message: 'must be a whole number from 1 to 64' }).int('must be a whole number from 1 to 64').min(1, 'must be a whole number from 1 to 64').max(64, 'must be a whole number from 1 to 64') },
    output: { type: 'string', short: 'o', value: '<file>', description: 'write the report to a file instead of the terminal' },
  },
  async run({ args: [labId], global, values }, io) {
    return grade(labId!, global, io, {
      format: values.format as Format | undefined,
      roster: values.roster as string | undefined,
      concurrency: values.concurrency === undefined ? undefined : Number(values.concurrency),
      output: values.output as string | undefined,
      labs: values.labs as string | undefined,
    });
  },
};

export async function grade(labId: string, global: GlobalOptions, io: Io, options: GradeOptions = {}): Promise<number> {
  const write = async (text: string) => (options.output ? writeFile(resolve(io.cwd, options.output), text) : io.out(text));
  if (labId === 'all') return gradeAll(global, io, options, write);
  if (options.labs !== undefined) throw new UsageError(`--labs goes with \`infralabs grade all\`: to grade one lab, \`infralabs grade ${labId}\` alone.`);
  const format = options.format ?? 'text';
  if (options.roster && format === 'github') throw new UsageError('--format github grades one repository: with --roster use csv, json, junit or text.');
  const { lab } = await loadLab(labId, io.root);
  const roster = options.roster ? (await readRoster(resolve(io.cwd, options.roster))).students : undefined;
  if (roster) {
    await assertRosterReachable(roster, global.endpoint);
    const rows = await gradeRoster(lab, global.endpoint, roster, options.concurrency, global.lang);
    if (format === 'json') await write(`${JSON.stringify(rows.map(({ student, report }) => ({ student, ...report })), null, 2)}\n`);
    else if (format === 'csv') await write(formatRosterCsv(rows));
    else if (format === 'junit') await write(formatJunit(rows.map(({ student, report }) => ({ name: `${student} (${report.account})`, report }))));
    else await write(formatRosterText(rows, global.lang));
    return rows.every(({ report }) => report.passed) ? 0 : 1;
  }

  const [, { createLabContext, gradeLab }] = await Promise.all([assertSandboxAccepts(global), engine()]);
  const report = await gradeLab(lab, createLabContext({ endpoint: global.endpoint, account: global.account, secret: global.secret }), { lang: global.lang });
  if (format === 'json') await write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'csv') await write(formatCsv(report));
  else if (format === 'junit') await write(formatJunit([{ report }]));
  else if (format === 'github') {
    const result = classroomResult(report);
    await write(`${JSON.stringify(result, null, 2)}\n`);
    if (io.env.GITHUB_OUTPUT) await appendFile(io.env.GITHUB_OUTPUT, githubOutputLine(result));
    if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, stepSummary(report, global.lang));
  } else await write(formatText(report, global.lang));
  return report.passed ? 0 : 1;
}
