// Errors the platform itself reports (not the handler), worded as AWS words them, for every host.
import type { RuntimeError } from './execution-environment.ts';

/** The deployment package cannot be used (Invoke answers InvalidZipFileException). */
export class BadPackageError extends Error {}

export function timedOut(requestId: string, seconds: number): RuntimeError {
  return { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after ${seconds.toFixed(2)} seconds` };
}

/** The line Lambda writes to the function's log when it ends an invocation at its timeout. */
export function timedOutLogLine(requestId: string, error: RuntimeError, now = new Date()): string {
  return `${now.toISOString()} ${requestId} ${error.errorMessage.replace(/^RequestId: \S+ Error: /, '')}`;
}

/** An init failure, reported with the request id of the invocation that met it. */
export function withRequestId(error: RuntimeError, requestId: string): RuntimeError {
  return { ...error, errorMessage: error.errorMessage.replace(/^RequestId: init /, `RequestId: ${requestId} `) };
}
