// Lambda's semantics for any host (the chain's gateway.lambda): Invoke and its options, the
// warm pool, logs to CloudWatch Logs, S3 events' invocations. The host gives only the way to
// make an execution environment (execution-environment.ts): child processes in Node
// (invoke-lambda.ts), Web Workers in the page (src/lab/page-sandbox/lambda-environment.ts).
import { bytesOf } from '../gateway/bytes.ts';
import type { GatewayContext, GatewayResponse, LambdaRunner, RequestHandler } from '../gateway/types.ts';
import { defaultPoolLimits, EnvironmentPool, type PoolLimits } from './environment-pool.ts';
import type { EnvironmentFactory } from './execution-environment.ts';
import { functionsChanging } from './function-cache.ts';
import { logsSettled } from './function-logs.ts';
import { invokeFunction } from './invoke-function.ts';
import { InvokeRequestError, parseInvokeRequest, signedRegion } from './invoke-request.ts';
import { lambdaError } from './lambda-error.ts';
import { watchChanges } from './watch-changes.ts';

export interface LambdaRunnerOptions {
  limits?: Partial<PoolLimits>;
  /** Told when a function is created or reconfigured with this memory size, so the host can get
   *  an environment ready before the first invoke (the Node host starts a spare process). */
  prepare?: (memorySize: number) => void;
}

/** A runner as the chain sees it, and what its host needs besides. */
export interface HostLambdaRunner extends LambdaRunner {
  /** Stops every environment this runner started (sandbox shutdown, a closed page). */
  retireAll(): void;
}

const logsRead = /^Logs_20140328\.(Get|Filter|Describe|StartQuery)/;

export function lambdaRunner(factory: EnvironmentFactory, options: LambdaRunnerOptions = {}): HostLambdaRunner {
  const pool = new EnvironmentPool(factory, { ...defaultPoolLimits, ...options.limits });

  const handle: RequestHandler = async (exchange, gateway) => {
    if (!gateway.backend.ourLambda) return undefined;
    const target = String(exchange.request.headers['x-amz-target'] ?? '');
    if (logsRead.test(target)) {
      // Logs of invocations that already answered are still being written: let a reader see them.
      await logsSettled(exchange.account);
      return undefined;
    }
    let request;
    try {
      request = parseInvokeRequest(exchange.request);
    } catch (error) {
      if (error instanceof InvokeRequestError) return lambdaError(error.status, error.code, error.message);
      throw error;
    }
    if (!request) {
      watchChanges(exchange, pool, options.prepare);
      return undefined;
    }
    const region = request.arnRegion ?? signedRegion(exchange.request) ?? 'us-east-1';
    return invokeFunction(pool, request, exchange.account, region, gateway);
  };

  /** As Invoke with InvocationType Event would: 202 once queued, errors in Lambda's shape. */
  async function invokeAsynchronously(gateway: GatewayContext, account: string, region: string, functionNameOrArn: string, event: unknown, traceHeader?: string): Promise<GatewayResponse> {
    const request = parseInvokeRequest({
      method: 'POST',
      path: `/2015-03-31/functions/${encodeURIComponent(functionNameOrArn)}/invocations`,
      search: '',
      query: new URLSearchParams(),
      headers: { 'x-amz-invocation-type': 'Event', ...(traceHeader ? { 'x-amzn-trace-id': traceHeader } : {}) },
      body: bytesOf(JSON.stringify(event)),
    })!;
    return invokeFunction(pool, request, account, request.arnRegion ?? region, gateway);
  }

  return { handle, invokeAsynchronously, functionsChanging, retireAll: () => pool.retireAll() };
}

/** Pool limits from a host's settings (INFRALABS_LAMBDA_MAX_ENVIRONMENTS, _ACCOUNT_CONCURRENCY,
 *  _IDLE_MS); unset or invalid ones keep their defaults. */
export function limitsFrom(env: Record<string, string | undefined>): Partial<PoolLimits> {
  const limits: Partial<PoolLimits> = {};
  const read = (name: string) => Number(env[`INFRALABS_LAMBDA_${name}`]) || undefined;
  const maxEnvironments = read('MAX_ENVIRONMENTS');
  const accountConcurrency = read('ACCOUNT_CONCURRENCY');
  const idleMs = read('IDLE_MS');
  if (maxEnvironments) limits.maxEnvironments = maxEnvironments;
  if (accountConcurrency) limits.accountConcurrency = accountConcurrency;
  if (idleMs) limits.idleMs = idleMs;
  return limits;
}
