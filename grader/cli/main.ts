// Entry point of the `infralabs` CLI: a table of commands over plain async functions. Only
// bin/infralabs.mjs exits; main returns the exit code (0 pass, 1 a check failed, 2 usage or sandbox).
import { SandboxError } from '../../sandbox/paths.ts';
import { LabLintError } from '../labs.ts';
import { RunError } from '../run/run-script.ts';
import { SandboxUnreachableError } from '../sandbox-api.ts';
import type { Command } from './command.ts';
import { classCommand } from './commands/class.ts';
import { classroomCommand } from './commands/classroom.ts';
import { gradeCommand } from './commands/grade.ts';
import { labsCommand } from './commands/labs.ts';
import { lintCommand } from './commands/lint.ts';
import { resetCommand } from './commands/reset.ts';
import { rosterCommand } from './commands/roster.ts';
import { runCommand } from './commands/run.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { setupCommand } from './commands/setup.ts';
import { solveCommand } from './commands/solve.ts';
import { UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';
import { globalOptions, parseOptions, type OptionSpec } from './options.ts';

export const commands: Command[] = [labsCommand, sandboxCommand, setupCommand, runCommand, gradeCommand, solveCommand, resetCommand, lintCommand, rosterCommand, classroomCommand, classCommand];

const interruptible = new Set(['run', 'solve', 'sandbox', 'class']);

export async function main(argv: string[], io?: Io): Promise<number> {
  if (io) return execute(argv, io);
  // Ctrl-C: commands that start something (a script, the sandbox) stop it and return their code;
  // the others keep Node's default (exit at once). A second Ctrl-C always exits.
  if (!interruptible.has(argv[0] ?? '')) return execute(argv, processIo());
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await execute(argv, processIo(controller.signal));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function execute(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(generalHelp());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}": try one of ${commands.map((c) => c.name).join(', ')} (\`infralabs --help\`).`);
    const parsed = parseOptions(command.name, rest, command.options, io.env);
    if (parsed.global.help) {
      io.out(commandHelp(command));
      return 0;
    }
    if (parsed.positionals.length !== command.positionals) {
      const what = command.positionals === 0 ? 'takes no arguments' : `needs ${command.usage}`;
      throw new UsageError(`\`infralabs ${command.name}\` ${what}${parsed.positionals.length > command.positionals ? ` (unexpected: ${parsed.positionals.slice(command.positionals).join(' ')})` : ''}: e.g. \`${example(command)}\`.`);
    }
    return await command.run({ args: parsed.positionals, global: parsed.global, values: parsed.values }, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SandboxUnreachableError || error instanceof SandboxError || error instanceof RunError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof LabLintError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function example(command: Command): string {
  const sample: Record<string, string> = { '<lab>': 'ec2-launch', '<file.ts>': 'solution.ts', 'new <names.txt> | sheet <roster.csv>': 'sheet roster.csv' };
  return `infralabs ${command.name}${command.usage ? ` ${sample[command.usage] ?? command.usage}` : ''}`;
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).map(([name, spec]) => `  ${`--${name}${spec.value ? ` ${spec.value}` : ''}`.padEnd(28)}  ${spec.description}`);
}

export function generalHelp(): string {
  return [
    'infralabs: lessons, labs and a grader against a local AWS sandbox',
    '',
    'Usage: infralabs <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${`${c.name}${c.usage ? ` ${c.usage}` : ''}`.padEnd(20)}  ${c.summary}`),
    '',
    'Options for every command:',
    ...optionLines(globalOptions),
    '',
    'In a class sandbox every call is signed: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to your roster row.',
    '',
    'Exit codes: 0 every check passes, 1 a check fails (or the script failed), 2 usage error or sandbox unreachable.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage: infralabs ${command.name}${command.usage ? ` ${command.usage}` : ''} [options]`,
    '',
    command.summary,
    '',
    ...(Object.keys(command.options).length ? ['Options:', ...optionLines(command.options), ''] : []),
    'Options for every command:',
    ...optionLines(globalOptions),
    '',
  ].join('\n');
}
