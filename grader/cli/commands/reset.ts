import { resetSandbox } from '../../../sandbox/reset.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';

export const resetCommand: Command = {
  name: 'reset',
  usage: '',
  summary: 'empty one account (--account <id>) or the whole sandbox (--all)',
  positionals: 0,
  options: { all: { type: 'boolean', description: 'empty every account' } },
  async run({ global, values }, io) {
    if (values.all === true && global.accountGiven) throw new UsageError('Pass either --account <id> or --all, not both.');
    if (values.all !== true && !global.accountGiven) throw new UsageError('Say what to reset: --account <12 digits> for one account, or --all for the whole sandbox.');
    await resetSandbox(global.endpoint, values.all === true ? { all: true } : { account: global.account });
    io.out(values.all === true ? `Emptied the sandbox at ${global.endpoint}.\n` : `Emptied account ${global.account}.\n`);
    return 0;
  },
};
