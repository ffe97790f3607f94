import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatNewRoster, newRoster, parseEndpoints, parseNames } from '../../classroom/new-roster.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';

export const rosterCommand: Command = {
  name: 'roster',
  usage: 'new <names.txt>',
  summary: 'write a class roster (accounts, secrets, the teacher\'s key) for the names, one a line, to standard output',
  positionals: 2,
  options: {
    endpoints: { type: 'string', value: '<url>,<url>...', description: 'sandboxes (shards) to spread the students over, round-robin, in an endpoint column' },
  },
  async run({ args: [action, file], values }, io) {
    if (action !== 'new') throw new UsageError(`Unknown \`infralabs roster ${action}\`: use \`infralabs roster new names.txt > roster.csv\`.`);
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
