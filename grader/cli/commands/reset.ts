import { resolve } from 'node:path';
import { ResetRefusedError, resetSandbox, type AccessKey, type ResetTarget } from '../../../sandbox/reset.ts';
import { readClassRoster } from '../../roster.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { accountKey, isKeyCode, studentKeyFix } from '../key.ts';
import { envAccount } from '../options.ts';

/** Resets, and turns a class sandbox's refusal into its reason and the fix, in one line. */
async function reset(endpoint: string, target: ResetTarget, key: AccessKey, fix: (code: string) => string): Promise<void> {
  try {
    await resetSandbox(endpoint, target, key);
  } catch (error) {
    if (error instanceof ResetRefusedError) throw new UsageError(`${error.message.replace(/\.$/, '')}: ${fix(error.code)}.`);
    throw error;
  }
}

export const resetCommand: Command = {
  name: 'reset',
  usage: '',
  summary: 'empty one account (--account <id>) or the whole sandbox (--all); a teacher adds --roster roster.csv',
  positionals: 0,
  options: {
    all: { type: 'boolean', description: 'empty every account' },
    roster: { type: 'string', value: '<roster.csv>', description: "sign with the class roster's @teacher key, which may reset any account or all (with an endpoint column, --all resets every sandbox of the roster)" },
  },
  async run({ global, values }, io) {
    if (values.all === true && global.accountGiven) throw new UsageError('Pass either --account <id> or --all, not both.');
    if (values.all !== true && !global.accountGiven) throw new UsageError('Say what to reset: --account <12 digits> for one account, or --all for the whole sandbox.');
    const target: ResetTarget = values.all === true ? { all: true } : { account: global.account };
    const done = (endpoint: string) => io.out('all' in target ? `Emptied the sandbox at ${endpoint}.\n` : `Emptied account ${global.account}.\n`);
    const rosterPath = values.roster as string | undefined;
    if (rosterPath) {
      const { students, teacher } = await readClassRoster(resolve(io.cwd, rosterPath));
      const key = { accessKeyId: teacher.account, secret: teacher.secret };
      const own = students.find((s) => s.account === global.account)?.endpoint;
      const endpoints = 'all' in target ? [...new Set(students.map((s) => s.endpoint ?? global.endpoint))] : [own ?? global.endpoint];
      for (const endpoint of endpoints) {
        await reset(endpoint, target, key, () => `check that ${rosterPath} is the roster the sandbox at ${endpoint} was started with (its @teacher row signs the reset)`);
        done(endpoint);
      }
      return 0;
    }
    // A student signs as themselves (the environment's key), whatever account they name.
    const key = accountKey(global, envAccount(io.env) ?? global.account);
    await reset(global.endpoint, target, key, (code) =>
      isKeyCode(code) ? studentKeyFix(code, key.accessKeyId) : "only the teacher resets another account or the whole sandbox: `infralabs reset ... --roster roster.csv` signs with the roster's @teacher row");
    done(global.endpoint);
    return 0;
  },
};
