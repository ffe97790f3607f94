// The Node host's Lambda runner: Lambda's semantics (lambda-runner.ts, shared with the page)
// with each execution environment a confined child process (environment.ts). It runs Invoke for
// moto (which cannot without Docker), and for any backend whose own runner is not used
// (backend.ourLambda: MiniStack and LocalStack by default, a --backend url= with --lambda ours).
import type { GatewayContext, GatewayResponse, LambdaRunner } from '../gateway/types.ts';
import { NodeExecutionEnvironment } from './environment.ts';
import { lambdaRunner, limitsFrom } from './lambda-runner.ts';
import { prepareRuntime, stopSpareRuntimes } from './runtime-processes.ts';

const runner = lambdaRunner((spec) => new NodeExecutionEnvironment(spec), {
  limits: limitsFrom(process.env),
  prepare: prepareRuntime,
});

/** Answers Invoke; passes every other call on (watching Lambda's changes). */
export const invokeLambda = runner.handle;

/** Stops every Lambda process of this gateway process (warm environments and spares). They
 *  also stop by themselves when the gateway's process exits. */
export function shutdownLambda(): void {
  runner.retireAll();
  stopSpareRuntimes();
}

process.once('exit', () => runner.retireAll());

/** Invokes a function for another part of the sandbox (S3 event notifications, schedules, ...)
 *  as Invoke with InvocationType Event would: 202 once queued, errors in Lambda's shape.
 *  `traceHeader` becomes the invocation's _X_AMZN_TRACE_ID (see trace-header.ts). */
export function invokeAsynchronously(gateway: GatewayContext, account: string, region: string, functionNameOrArn: string, event: unknown, traceHeader?: string): Promise<GatewayResponse> {
  return runner.invokeAsynchronously(gateway, account, region, functionNameOrArn, event, traceHeader);
}

/** The Node host's runner, as the chain sees it (gateway.lambda). */
export const nodeLambdaRunner: LambdaRunner = runner;
