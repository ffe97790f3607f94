import { loadLab } from '../../labs.ts';
import type { Command } from '../command.ts';
import { runLearnerScript, timeoutOption } from './run.ts';
import { setupLab } from './setup.ts';

export const solveCommand: Command = {
  name: 'solve',
  usage: '<lab>',
  summary: "set the lab up and run its reference solution in the account",
  positionals: 1,
  options: { timeout: timeoutOption },
  async run({ args: [labId], global, values }, io) {
    await setupLab(labId!, global, io.root);
    const entry = await loadLab(labId!, io.root);
    const code = await runLearnerScript(entry.solution, global, io, values.timeout === undefined ? undefined : Number(values.timeout));
    if (code === 0) io.out(`Solved ${labId} in account ${global.account}: \`infralabs grade ${labId}\` should now pass.\n`);
    return code;
  },
};
