// `infralabs class status --roster roster.csv`: the teacher's progress view. Grades every lab (or
// --labs) for every student, each with their own key at their own sandbox (`grade all`'s
// machinery), and shows the last scores as a table; re-grades every --every seconds and redraws
// it until Ctrl-C, or prints it once with --once.
import { z } from 'zod';
import { formatClassStatus } from '../../format/class-status.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { gradeBook, labsOption, loadClass } from './grade-all.ts';

const clearScreen = '\x1b[2J\x1b[H';

/** Resolves after `ms`, or at once when the signal aborts: whether it aborted. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const classCommand: Command = {
  name: 'class',
  usage: 'status',
  summary: "the teacher's view of a class: every student's last score in every lab, re-graded every 30 s (Ctrl-C stops)",
  positionals: 1,
  options: {
    roster: { type: 'string', value: '<roster.csv>', description: 'the class roster (each student graded with their own key at their own endpoint)' },
    labs: { ...labsOption, description: 'only these labs (default every lab)' },
    every: { type: 'string', value: '<seconds>', description: 'seconds between two gradings (default 30)', schema: z.coerce.number({ message: 'must be a number of seconds, at least 1, e.g. --every 60' }).min(1, 'must be a number of seconds, at least 1, e.g. --every 60') },
    once: { type: 'boolean', description: 'print the table once and exit' },
  },
  async run({ args: [action], global, values }, io) {
    if (action !== 'status') throw new UsageError(`Unknown \`infralabs class ${action}\`: use \`infralabs class status --roster roster.csv\`.`);
    const roster = values.roster as string | undefined;
    if (!roster) throw new UsageError('`infralabs class status` shows a class: pass --roster roster.csv (make one with `infralabs roster new names.txt > roster.csv`).');
    const seconds = values.every === undefined ? 30 : Number(values.every);
    const { labs, students } = await loadClass(global, io, roster, values.labs as string | undefined);
    const aborted = new Promise<undefined>((resolve) => io.signal?.addEventListener('abort', () => resolve(undefined), { once: true }));
    for (;;) {
      // Ctrl-C while grading stops at once; the grading under way ends within its checks' limits.
      const book = await Promise.race([gradeBook(labs, students, global.endpoint, undefined, global.lang), aborted]);
      if (!book || io.signal?.aborted) return 0;
      if (values.once === true) {
        io.out(formatClassStatus(book));
        return 0;
      }
      const time = new Date().toTimeString().slice(0, 8);
      io.out(`${clearScreen}${formatClassStatus(book)}\nupdated ${time}, next in ${seconds}s, Ctrl-C stops\n`);
      if (await pause(seconds * 1000, io.signal)) return 0;
    }
  },
};
