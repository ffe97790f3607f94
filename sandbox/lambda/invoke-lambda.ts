// Runs Node.js Lambda functions for Invoke: for moto (which cannot without Docker), and for any
// backend whose own runner is not used (backend.ourLambda: MiniStack and LocalStack by default,
// a --backend url= with --lambda ours). Otherwise Invoke is that backend's business.
import type { GatewayContext, GatewayResponse, LambdaRunner, RequestHandler } from '../gateway/types.ts';
import { retireAllEnvironments } from './environment-pool.ts';
import { functionsChanging } from './function-cache.ts';
import { logsSettled } from './function-logs.ts';
import { stopSpareRuntimes } from './runtime-processes.ts';
import { invokeFunction } from './invoke-function.ts';
import { InvokeRequestError, parseInvokeRequest, signedRegion } from './invoke-request.ts';
import { lambdaError } from './lambda-error.ts';
import { watchChanges } from './watch-changes.ts';

const logsRead = /^Logs_20140328\.(Get|Filter|Describe|StartQuery)/;

export const invokeLambda: RequestHandler = async (exchange, gateway) => {
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
    watchChanges(exchange);
    return undefined;
  }
  const region = request.arnRegion ?? signedRegion(exchange.request) ?? 'us-east-1';
  return invokeFunction(request, exchange.account, region, gateway);
};

/** Stops every Lambda process of this gateway process (warm environments and spares). They
 *  also stop by themselves when the gateway's process exits. */
export function shutdownLambda(): void {
  retireAllEnvironments();
  stopSpareRuntimes();
}

/** Invokes a function for another part of the sandbox (S3 event notifications, schedules, ...)
 *  as Invoke with InvocationType Event would: 202 once queued, errors in Lambda's shape.
 *  `traceHeader` becomes the invocation's _X_AMZN_TRACE_ID (see trace-header.ts). */
export async function invokeAsynchronously(gateway: GatewayContext, account: string, region: string, functionNameOrArn: string, event: unknown, traceHeader?: string): Promise<GatewayResponse> {
  const request = parseInvokeRequest({
    method: 'POST',
    path: `/2015-03-31/functions/${encodeURIComponent(functionNameOrArn)}/invocations`,
    search: '',
    query: new URLSearchParams(),
    headers: { 'x-amz-invocation-type': 'Event', ...(traceHeader ? { 'x-amzn-trace-id': traceHeader } : {}) },
    body: Buffer.from(JSON.stringify(event)),
  })!;
  return invokeFunction(request, account, request.arnRegion ?? region, gateway);
}

/** The Node host's runner, as the chain sees it (gateway.lambda). */
export const nodeLambdaRunner: LambdaRunner = { handle: invokeLambda, invokeAsynchronously, functionsChanging };
