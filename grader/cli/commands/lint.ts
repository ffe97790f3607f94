import { loadLabs, projectRoot } from '../../labs.ts';
import type { Command } from '../command.ts';
import { lintContent } from '../content-lint/index.ts';

export const lintCommand: Command = {
  name: 'lint',
  usage: '',
  summary: 'check every lab folder and guide (missing files, duplicate ids, checks without fixtures) and the teaching content (glossary terms, quiz balance, ko/en parity, links)',
  positionals: 0,
  options: {},
  async run(_input, io) {
    const { labs, problems } = await loadLabs(io.root);
    for (const problem of problems) io.err(`${problem.path}: ${problem.message}\n`);
    const content = lintContent(io.root ?? projectRoot);
    for (const problem of content) io.err(`${problem.path}: ${problem.message}\n`);
    io.out(`${labs.length} lab(s) loaded, ${problems.length} problem(s); content: ${content.length} problem(s).\n`);
    return problems.length || content.length ? 1 : 0;
  },
};
