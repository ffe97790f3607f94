// Where the Lambda orchestration (pool, invoke, logs: host-agnostic) meets the host that runs
// handlers: the Node host runs each environment as a confined child process (environment.ts), the
// in-page sandbox as a Web Worker (src/lab/page-sandbox/lambda-environment.ts). Everything on this
// side of the line is plain data, so the same semantics hold in both.
import type { FunctionConfiguration } from './function-config.ts';
import type { LogEvent } from './log-lines.ts';

export interface RuntimeError {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/** What an environment is made for: one function version in one account, as configured. */
export interface EnvironmentSpec {
  /** The function version it serves (gateway, account, region, name, version). */
  key: string;
  /** Code and configuration: a new fingerprint for the same key retires the old environments. */
  fingerprint: string;
  account: string;
  region: string;
  executedVersion: string;
  configuration: FunctionConfiguration;
  /** The gateway's URL, which the handler's SDK calls go to. */
  gatewayEndpoint: string;
  /** The account's secret in a class (the roster's), which the handler's SDK signs with. */
  secretAccessKey?: string;
}

export interface InvokeInput {
  requestId: string;
  event: unknown;
  invokedFunctionArn: string;
  clientContext?: unknown;
  /** _X_AMZN_TRACE_ID for this invocation. */
  traceHeader: string;
}

export interface InvokeOutcome {
  /** The JSON payload: the handler's value, or the error in AWS's shape. */
  payload: string;
  error?: RuntimeError;
  status: 'success' | 'error' | 'timeout';
  durationMs: number;
  maxMemoryUsedMb: number;
  /** Set on the first invocation of an environment (a cold start). */
  initDurationMs?: number;
  /** The handler's output during init (before START, on a cold start) and during this invocation. */
  initLogs: LogEvent[];
  logs: LogEvent[];
}

/** One execution environment: one invocation at a time, reused while its function is unchanged. */
export interface ExecutionEnvironment {
  readonly key: string;
  readonly fingerprint: string;
  readonly account: string;
  /** `YYYY/MM/DD/[version]<32 hex>`: the stream its invocations log to. */
  readonly logStreamName: string;
  /** 'dead' after a timeout, a crash or dispose(): the pool never hands it out again. */
  readonly state: 'starting' | 'idle' | 'busy' | 'dead';
  /** Set by the pool: when it was last handed back, whether an invocation holds it, and
   *  whether it goes once that invocation ends (its function changed). */
  lastUsed: number;
  leased: boolean;
  retiring: boolean;
  /** Unpacks the code and loads the handler. Init errors surface on the first invoke; a
   *  rejection (an unreadable package: BadPackageError) means no environment. */
  start(code: Promise<Uint8Array>): Promise<void>;
  /** Runs one invocation to its end: success, function error, timeout or crash. */
  invoke(input: InvokeInput): Promise<InvokeOutcome>;
  /** Stops it for good and frees what it holds. */
  dispose(): void;
}

/** How a host makes environments: `lambdaRunner(factory)` (lambda-runner.ts) does the rest. */
export type EnvironmentFactory = (spec: EnvironmentSpec) => ExecutionEnvironment;
