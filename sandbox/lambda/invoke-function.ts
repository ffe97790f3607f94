// One Invoke: find the function, run it in a warm or new environment, log, answer as AWS does.
// Host-agnostic: the environments come from the pool, which the host's factory fills.
import { bytesOf, textOf } from '../gateway/bytes.ts';
import type { GatewayContext, GatewayResponse } from '../gateway/types.ts';
import { TooManyEnvironmentsError, type EnvironmentPool } from './environment-pool.ts';
import type { InvokeOutcome } from './execution-environment.ts';
import { cachedLookUp } from './function-cache.ts';
import { downloadCode, type FunctionConfiguration, type FunctionRef } from './function-config.ts';
import { writeLogs } from './function-logs.ts';
import type { InvokeRequest } from './invoke-request.ts';
import { lambdaError } from './lambda-error.ts';
import { endLine, logTail, reportLine, startLine, type LogEvent } from './log-lines.ts';
import { BadPackageError } from './runtime-errors.ts';
import { canRun, unsupportedRuntimeMessage } from './runtimes.ts';
import { unrefTimer } from './timers.ts';
import { newTraceHeader } from './trace-header.ts';

const maxSyncPayload = 6 * 1024 * 1024;
const maxEventPayload = 1024 * 1024;
const maxResponse = 6 * 1024 * 1024 + 100;

export async function invokeFunction(pool: EnvironmentPool, request: InvokeRequest, account: string, region: string, gateway: GatewayContext): Promise<GatewayResponse> {
  const ref: FunctionRef = { account, region, name: request.name, qualifier: request.qualifier };
  const lookup = await cachedLookUp(gateway, ref);
  if (!lookup.found) return lambdaError(lookup.status, lookup.code, lookup.message);
  const { configuration, executedVersion } = lookup;
  const invokedFunctionArn = `arn:aws:lambda:${region}:${account}:function:${configuration.FunctionName}${request.qualifier ? `:${request.qualifier}` : ''}`;
  if (request.arnAccount && request.arnAccount !== account) {
    return lambdaError(403, 'AccessDeniedException', `User: arn:aws:iam::${account}:root is not authorized to perform: lambda:InvokeFunction on resource: ${invokedFunctionArn.replace(`:${account}:`, `:${request.arnAccount}:`)} because no resource-based policy allows the lambda:InvokeFunction action`);
  }
  if (request.invocationType === 'DryRun') return { status: 204, headers: { 'x-amzn-requestid': crypto.randomUUID() }, body: '' };
  if (!canRun(configuration.Runtime) || configuration.PackageType === 'Image') {
    return lambdaError(502, 'InvalidRuntimeException', unsupportedRuntimeMessage(configuration.FunctionName, configuration.Runtime, configuration.PackageType));
  }
  const limit = request.invocationType === 'Event' ? maxEventPayload : maxSyncPayload;
  if (request.payload.length > limit) {
    return lambdaError(413, 'RequestTooLargeException', `Request must be smaller than ${limit} bytes for the Invoke operation`);
  }
  let event: unknown = {};
  if (request.payload.length > 0) {
    try {
      event = JSON.parse(textOf(request.payload));
    } catch (error) {
      return lambdaError(400, 'InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}. Send a JSON document as the Payload, e.g. JSON.stringify({ key: 'value' }).`);
    }
  }
  const requestId = crypto.randomUUID();
  const traceHeader = request.traceHeader ?? newTraceHeader();
  const run = () => runInvocation(pool, { ref: { ...ref, qualifier: request.qualifier }, configuration, executedVersion, requestId, event, invokedFunctionArn, clientContext: request.clientContext, traceHeader, gateway });
  if (request.invocationType === 'Event') {
    runLater(run, configuration.FunctionName, gateway);
    return { status: 202, headers: { 'x-amzn-requestid': requestId, 'content-type': 'application/json' }, body: '' };
  }
  let outcome: InvokeOutcome & { events: LogEvent[] };
  try {
    outcome = await run();
  } catch (error) {
    if (error instanceof TooManyEnvironmentsError) return lambdaError(429, 'TooManyRequestsException', `Rate Exceeded: ${error.message}.`, { Reason: 'ConcurrentInvocationLimitExceeded' });
    if (error instanceof BadPackageError) return lambdaError(502, 'InvalidZipFileException', `Lambda could not unzip the deployment package of ${configuration.FunctionName}: ${error.message}.`);
    throw error;
  }
  let payload = outcome.payload;
  let failed = Boolean(outcome.error);
  const size = bytesOf(payload).length;
  if (size > maxResponse) {
    failed = true;
    payload = JSON.stringify({ errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (6291556 bytes).`, errorType: 'Function.ResponseSizeTooLarge' });
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    'x-amz-executed-version': executedVersion,
  };
  if (failed) headers['x-amz-function-error'] = 'Unhandled';
  if (request.tail) headers['x-amz-log-result'] = logTail(outcome.events);
  return { status: 200, headers, body: payload };
}

/** An asynchronous invocation waits (as in AWS's queue) while every environment is busy. */
function runLater(run: () => Promise<unknown>, name: string, gateway: GatewayContext, attempt = 0): void {
  run().catch((error: unknown) => {
    if (error instanceof TooManyEnvironmentsError && attempt < 120) {
      unrefTimer(setTimeout(() => runLater(run, name, gateway, attempt + 1), 500));
      return;
    }
    gateway.log(`Asynchronous invocation of ${name} failed: ${(error as Error).message}`);
  });
}

interface Invocation {
  ref: FunctionRef;
  configuration: FunctionConfiguration;
  executedVersion: string;
  requestId: string;
  event: unknown;
  invokedFunctionArn: string;
  clientContext?: unknown;
  traceHeader: string;
  gateway: GatewayContext;
}

async function runInvocation(pool: EnvironmentPool, invocation: Invocation): Promise<InvokeOutcome & { events: LogEvent[] }> {
  const { ref, configuration, executedVersion, requestId, gateway } = invocation;
  const environment = await pool.acquire({
    key: `${gateway.endpoint} ${ref.account}/${ref.region}/${configuration.FunctionName}/${executedVersion}`,
    // Any change of code or configuration retires the warm environments of this version.
    fingerprint: JSON.stringify([configuration.CodeSha256, configuration.LastModified, configuration.Runtime, configuration.Handler,
      configuration.MemorySize, configuration.Timeout, configuration.Environment?.Variables ?? {}, configuration.EphemeralStorage?.Size ?? 512]),
    account: ref.account,
    region: ref.region,
    executedVersion,
    configuration,
    gatewayEndpoint: gateway.endpoint,
    secretAccessKey: gateway.credentials?.secretOf(ref.account),
  }, () => downloadCode(gateway, ref));
  const startedAt = Date.now();
  let outcome: InvokeOutcome;
  try {
    outcome = await environment.invoke({ requestId, event: invocation.event, invokedFunctionArn: invocation.invokedFunctionArn, clientContext: invocation.clientContext, traceHeader: invocation.traceHeader });
  } finally {
    pool.release(environment);
  }
  const now = Date.now();
  const events: LogEvent[] = [
    ...outcome.initLogs,
    { timestamp: startedAt, message: startLine(requestId, executedVersion) },
    ...outcome.logs,
    { timestamp: now, message: endLine(requestId) },
    {
      timestamp: now,
      message: reportLine({
        requestId,
        durationMs: outcome.durationMs,
        memorySize: configuration.MemorySize,
        maxMemoryUsedMb: outcome.maxMemoryUsedMb,
        initDurationMs: outcome.initDurationMs,
        status: outcome.status,
        errorType: outcome.error?.errorType,
      }),
    },
  ];
  writeLogs({
    gateway,
    account: ref.account,
    region: ref.region,
    group: `/aws/lambda/${configuration.FunctionName}`,
    stream: environment.logStreamName,
  }, events, gateway.log);
  return { ...outcome, events };
}
