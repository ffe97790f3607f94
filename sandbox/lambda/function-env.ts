// The environment variables a handler sees: the function's own plus those AWS sets, and
// nothing of the host's environment (its secrets stay out of learners' code). Host-agnostic:
// what only one host has (Node's PATH, NODE_PATH and TMPDIR) comes in as `hostDefaults`.
import type { FunctionConfiguration } from './function-config.ts';

/** The session token of a function's credentials (Lambda's are a role's, which have one). */
export const lambdaSessionToken = 'infralabs-lambda';

export interface EnvironmentPlace {
  account: string;
  region: string;
  executedVersion: string;
  /** LAMBDA_TASK_ROOT: where the code is (the Node host: the environment's task/ folder). */
  taskRoot: string;
  /** LAMBDA_RUNTIME_DIR: where the runtime and its SDK are. */
  runtimeDir: string;
  logStreamName: string;
  /** The gateway's URL: a handler's SDK calls reach the sandbox, in the function's account. */
  gatewayEndpoint: string;
  /** In a class, the account's own secret: the gateway checks every signature there. */
  secretAccessKey?: string;
}

export function functionEnvironment(configuration: FunctionConfiguration, place: EnvironmentPlace, hostDefaults: Record<string, string> = {}): Record<string, string> {
  const defaults: Record<string, string> = {
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    ...hostDefaults,
    AWS_ENDPOINT_URL: place.gatewayEndpoint,
  };
  // Reserved keys: AWS refuses them in a function's configuration, so they always win.
  const reserved: Record<string, string> = {
    _HANDLER: configuration.Handler ?? '',
    AWS_REGION: place.region,
    AWS_DEFAULT_REGION: place.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${configuration.Runtime ?? ''}`,
    AWS_LAMBDA_FUNCTION_NAME: configuration.FunctionName,
    AWS_LAMBDA_FUNCTION_VERSION: place.executedVersion,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(configuration.MemorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${configuration.FunctionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: place.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: place.taskRoot,
    LAMBDA_RUNTIME_DIR: place.runtimeDir,
    AWS_ACCESS_KEY_ID: place.account,
    AWS_SECRET_ACCESS_KEY: place.secretAccessKey ?? 'infralabs',
    AWS_SESSION_TOKEN: lambdaSessionToken,
  };
  return { ...defaults, ...(configuration.Environment?.Variables ?? {}), ...reserved };
}
