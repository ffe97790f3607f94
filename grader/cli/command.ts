import type { Io } from './io.ts';
import type { GlobalOptions, OptionSpec } from './options.ts';

export interface CommandInput {
  /** Positional arguments after the command name. */
  args: string[];
  global: GlobalOptions;
  /** Values of the command's own options, validated. */
  values: Record<string, string | boolean | string[] | undefined>;
}

export interface Command {
  name: string;
  /** e.g. '<lab>' */
  usage: string;
  summary: string;
  /** How many positional arguments it needs (exactly). */
  positionals: number;
  options: Record<string, OptionSpec>;
  /** Returns the exit code. */
  run(input: CommandInput, io: Io): Promise<number>;
}
