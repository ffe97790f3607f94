import { loadLabs } from '../../labs.ts';
import type { Command } from '../command.ts';

export const lintCommand: Command = {
  name: 'lint',
  usage: '',
  summary: 'check every lab folder and guide: missing files, duplicate ids, checks without fixtures',
  positionals: 0,
  options: {},
  async run(_input, io) {
    const { labs, problems } = await loadLabs(io.root);
    for (const problem of problems) io.err(`${problem.path}: ${problem.message}\n`);
    io.out(`${labs.length} lab(s) loaded, ${problems.length} problem(s).\n`);
    return problems.length ? 1 : 0;
  },
};
