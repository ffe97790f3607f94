// The lines Lambda writes around each invocation, in AWS's text format.
import { bytesOf } from '../gateway/bytes.ts';

export interface LogEvent {
  timestamp: number;
  message: string;
}

export interface ReportFigures {
  requestId: string;
  durationMs: number;
  memorySize: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
  status: 'success' | 'error' | 'timeout';
  errorType?: string;
}

export const startLine = (requestId: string, version: string) => `START RequestId: ${requestId} Version: ${version}`;
export const endLine = (requestId: string) => `END RequestId: ${requestId}`;

export function reportLine(figures: ReportFigures): string {
  const fields = [
    `REPORT RequestId: ${figures.requestId}`,
    `Duration: ${figures.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.max(1, Math.ceil(figures.durationMs + (figures.initDurationMs ?? 0)))} ms`,
    `Memory Size: ${figures.memorySize} MB`,
    `Max Memory Used: ${figures.maxMemoryUsedMb} MB`,
  ];
  if (figures.initDurationMs !== undefined) fields.push(`Init Duration: ${figures.initDurationMs.toFixed(2)} ms`);
  if (figures.status !== 'success') fields.push(`Status: ${figures.status}`);
  if (figures.status === 'error' && figures.errorType) fields.push(`Error Type: ${figures.errorType}`);
  return `${fields.join('\t')}\t`;
}

/** The last 4 KB of an invocation's log, base64, as Invoke's LogResult (X-Amz-Log-Result). */
export function logTail(events: LogEvent[]): string {
  const text = bytesOf(events.map((event) => `${event.message}\n`).join(''));
  return base64Of(text.subarray(Math.max(0, text.length - 4096)));
}

/** A log stream name as Lambda makes them: 2026/11/26/[$LATEST]<32 hex digits>. */
export function logStreamName(version: string, id: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${id}`;
}

/** Base64 of bytes with what every host has (btoa of a binary string), 4 KB at most here. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
