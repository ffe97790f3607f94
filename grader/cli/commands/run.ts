import { z } from 'zod';
import { runScript } from '../../run/run-script.ts';
import type { Command } from '../command.ts';
import { assertSandboxAccepts } from '../key.ts';
import type { Io } from '../io.ts';
import type { GlobalOptions } from '../options.ts';

export const timeoutOption = {
  type: 'string',
  value: '<seconds>',
  description: 'stop the script after this long (default 120)',
  schema: z.coerce.number({ message: 'must be a number of seconds, e.g. --timeout 300' }).positive('must be a number of seconds, e.g. --timeout 300'),
} as const;

/** Runs a learner script with live output; returns its exit code. */
export async function runLearnerScript(file: string, global: GlobalOptions, io: Io, timeoutSeconds?: number): Promise<number> {
  await assertSandboxAccepts(global);
  const result = await runScript(file, {
    endpoint: global.endpoint,
    account: global.account,
    secret: global.secret,
    cwd: io.cwd,
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    signal: io.signal,
    onOutput: (chunk, stream) => (stream === 'stdout' ? io.out(chunk) : io.err(chunk)),
  });
  return result.exitCode;
}

export const runCommand: Command = {
  name: 'run',
  usage: '<file.ts>',
  summary: 'run your script against the sandbox (top-level await; endpoint, region and credentials are supplied)',
  positionals: 1,
  options: { timeout: timeoutOption },
  async run({ args: [file], global, values }, io) {
    return runLearnerScript(file!, global, io, values.timeout === undefined ? undefined : Number(values.timeout));
  },
};
