import { loadLabs } from '../../labs.ts';
import type { Command } from '../command.ts';

export const labsCommand: Command = {
  name: 'labs',
  usage: '',
  summary: 'list the labs',
  positionals: 0,
  options: {},
  async run({ global }, io) {
    const { labs, problems } = await loadLabs(io.root);
    const width = Math.max(0, ...labs.map((l) => l.id.length));
    for (const { lab } of labs) {
      const checks = lab.steps.flatMap((s) => s.checks);
      const points = checks.reduce((n, c) => n + c.points, 0);
      io.out(`${lab.id.padEnd(width)}  ${lab.title[global.lang]}  (${lab.services.join(', ')}; ${checks.length} checks, ${points} points)\n`);
    }
    if (labs.length === 0) io.out('No labs yet.\n');
    const broken = problems.filter((p) => p.path.startsWith('labs/') && !labs.some((l) => p.path.startsWith(`labs/${l.id}/`)));
    if (broken.length) io.err(`${broken.length} lab(s) did not load: see \`infralabs lint\`.\n`);
    return 0;
  },
};
