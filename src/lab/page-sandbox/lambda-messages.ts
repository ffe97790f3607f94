// What an in-page Lambda environment (lambda-environment.ts, in the sandbox's host worker) and its
// Web Worker (lambda-worker.ts) say to each other: one init, then one invoke at a time.
import type { RuntimeError } from '../../../sandbox/lambda/execution-environment.ts';
import type { LogEvent } from '../../../sandbox/lambda/log-lines.ts';
import type { InvokeMessage, InvokeResult } from './lambda-runtime.ts';

export type ToLambdaWorker =
  | { type: 'init'; files: Record<string, Uint8Array>; env: Record<string, string> }
  | ({ type: 'invoke' } & InvokeMessage);

export type FromLambdaWorker =
  | { type: 'log'; event: LogEvent }
  | { type: 'ready' }
  | { type: 'init-error'; error: RuntimeError }
  | { type: 'result'; requestId: string; result: InvokeResult };
