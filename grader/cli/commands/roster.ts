import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { joinLinks, lanAddress } from '../../classroom/join-links.ts';
import { joinSheet } from '../../classroom/join-sheet.ts';
import { formatNewRoster, newRoster, parseEndpoints, parseNames } from '../../classroom/new-roster.ts';
import { endpointSchema, readClassRoster } from '../../roster.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { joinLab, joinOptions } from '../join-options.ts';

export const rosterCommand: Command = {
  name: 'roster',
  usage: 'new <names.txt> | sheet <roster.csv>',
  summary: 'new: write a class roster (accounts, secrets, the teacher\'s key) for the names, one a line; sheet: a page of join slips to print (name, link, join code, steps in --lang), never a secret. Both to standard output',
  positionals: 2,
  options: {
    endpoints: { type: 'string', value: '<url>,<url>...', description: 'new: sandboxes (shards) to spread the students over, round-robin, in an endpoint column' },
    ...joinOptions,
  },
  async run({ args: [action, file], global, values }, io) {
    if (action === 'sheet') {
      if (values.endpoints !== undefined) throw new UsageError('--endpoints is for `roster new`: the sheet takes each student\'s endpoint from the roster, and --endpoint <url> for the others.');
      return sheet(file!, global.lang, values, io);
    }
    if (action !== 'new') throw new UsageError(`Unknown \`infralabs roster ${action}\`: use \`infralabs roster new names.txt > roster.csv\` or \`infralabs roster sheet roster.csv > sheet.html\`.`);
    if (values.site !== undefined || values.lab !== undefined) throw new UsageError('--site and --lab are for `roster sheet`: make the roster first, then `infralabs roster sheet roster.csv --site <url> > sheet.html`.');
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file!), 'utf8');
    } catch {
      throw new UsageError(`Cannot read ${file}: pass a UTF-8 text file with one student per line.`);
    }
    const names = parseNames(text, file);
    const endpoints = values.endpoints === undefined ? [] : parseEndpoints(String(values.endpoints));
    io.out(formatNewRoster(newRoster(names, endpoints)));
    io.err(`A roster of ${names.length} students and the teacher's key${endpoints.length ? `, over ${endpoints.length} sandboxes` : ''}. Keep it private: its secrets sign every request.\n`);
    return 0;
  },
};

/** `roster sheet`: the site and the sandbox default to this machine's address in the room, as
 *  `npm start -- --classroom` serves them. */
async function sheet(file: string, lang: 'ko' | 'en', values: Record<string, unknown>, io: Io): Promise<number> {
  const lab = joinLab(values.lab, io.root);
  const host = lanAddress() ?? 'localhost';
  let endpoint = `http://${host}:4566`;
  if (values.endpoint !== undefined) {
    const parsed = endpointSchema.safeParse(values.endpoint);
    if (!parsed.success) throw new UsageError(`--endpoint: ${parsed.error.issues[0]!.message}.`);
    endpoint = parsed.data;
  }
  const site = (values.site as string | undefined) ?? `http://${host}:4321`;
  const roster = await readClassRoster(resolve(io.cwd, file));
  const links = joinLinks(roster.students, { site, endpoint, lang, lab });
  io.out(joinSheet(links, { lang, endpoint, lab, roster: basename(file) }));
  io.err(`A slip for each of ${links.length} students (site ${site}, sandbox ${endpoint}, lab ${lab}). A join code opens its student's account: hand each slip to its student only.\n`);
  return 0;
}
