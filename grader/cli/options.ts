// Command-line options: node:util parseArgs reads them, zod validates them; every mistake is one
// line that says what to type instead.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from './errors.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once (the values arrive as a list). */
  multiple?: boolean;
  /** For --help: what it does, with its default. */
  description: string;
  /** e.g. '<seconds>' */
  value?: string;
  schema?: z.ZodType;
}

export const globalOptions = {
  endpoint: { type: 'string', value: '<url>', description: 'sandbox endpoint (default http://localhost:4566)', schema: z.url({ message: 'must be a URL like http://localhost:4566' }) },
  account: { type: 'string', value: '<12 digits>', description: 'account id (default: AWS_ACCESS_KEY_ID when it is 12 digits, else 000000000000)', schema: z.string().regex(/^\d{12}$/, 'must be 12 digits, e.g. --account 000000000042') },
  lang: { type: 'string', value: 'ko|en', description: 'language of messages (default en, or ko when LANG starts with ko)', schema: z.enum(['ko', 'en'], { message: 'must be ko or en' }) },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} satisfies Record<string, OptionSpec>;

export interface GlobalOptions {
  endpoint: string;
  account: string;
  lang: 'ko' | 'en';
  help: boolean;
  /** Whether --account was given (reset needs it said out loud). */
  accountGiven: boolean;
  /** AWS_SECRET_ACCESS_KEY when set, as the SDK reads it: a class sandbox verifies every call
   *  against the roster's secret of the account. Unset, any secret signs (a sandbox without a roster). */
  secret?: string;
}

/** AWS_ACCESS_KEY_ID when it is an account id (12 digits): whose key the environment holds. */
export function envAccount(env: Record<string, string | undefined>): string | undefined {
  const keyId = env.AWS_ACCESS_KEY_ID ?? '';
  return /^\d{12}$/.test(keyId) ? keyId : undefined;
}

export interface Parsed {
  positionals: string[];
  global: GlobalOptions;
  values: Record<string, string | boolean | string[] | undefined>;
}

export function parseOptions(command: string, argv: string[], specific: Record<string, OptionSpec>, env: Record<string, string | undefined>): Parsed {
  const specs: Record<string, OptionSpec> = { ...globalOptions, ...specific };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${parseArgsMessage(error as Error, specs)}: see \`infralabs ${command} --help\`.`);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name];
    if (value === undefined || !spec.schema) continue;
    const checked = (Array.isArray(value) ? value : [value]).map((one) => {
      const result = spec.schema!.safeParse(one);
      if (!result.success) throw new UsageError(`--${name} ${result.error.issues[0]!.message} (got "${String(one)}").`);
      return result.data as string;
    });
    values[name] = Array.isArray(value) ? checked : checked[0];
  }
  return {
    positionals: parsed.positionals,
    values,
    global: {
      endpoint: String(values.endpoint ?? 'http://localhost:4566').replace(/\/+$/, ''),
      account: String(values.account ?? envAccount(env) ?? '000000000000'),
      lang: (values.lang as 'ko' | 'en' | undefined) ?? (/^ko/i.test(env.LANG ?? '') ? 'ko' : 'en'),
      help: values.help === true,
      accountGiven: values.account !== undefined,
      ...(env.AWS_SECRET_ACCESS_KEY ? { secret: env.AWS_SECRET_ACCESS_KEY } : {}),
    },
  };
}

function parseArgsMessage(error: Error, specs: Record<string, OptionSpec>): string {
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^'\s]+)/.exec(error.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return `Unknown option ${option} (options here: ${Object.keys(specs).map((name) => `--${name}`).join(', ')})`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = option.replace(/^-+/, '').split(/[ =]/)[0]!;
    const spec = specs[name];
    return spec?.type === 'string' ? `${option} needs a value: --${name} ${spec.value ?? '<value>'}` : `${option} takes no value`;
  }
  return error.message.split('\n')[0]!.replace(/\.$/, '');
}
