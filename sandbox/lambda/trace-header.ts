// X-Ray trace headers (X-Amzn-Trace-Id), which Lambda gives each invocation as _X_AMZN_TRACE_ID.
// The AWS SDK inside a handler sends it on every call it makes, and Lambda's recursive loop
// detection counts, in its Lineage field, how many invocations an event chain has caused:
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html
/** AWS stops a chain after this many invocations. */
export const maxChainedInvocations = 16;

const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A new trace: `Root=1-<epoch seconds hex>-<24 hex>;Parent=<16 hex>;Sampled=0`. */
export function newTraceHeader(): string {
  return `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${hex(12)};Parent=${hex(8)};Sampled=0`;
}

/** How many invocations the chain that made this request has caused (0 outside any chain). */
export function chainLength(traceHeader: string | undefined): number {
  const lineage = /(?:^|;)\s*Lineage=(?:\d+:)?[0-9a-f]+:(\d+)/i.exec(traceHeader ?? '');
  return lineage ? Number(lineage[1]) : 0;
}

/** The trace header of an invocation caused by a request that carried `cause`: same root, one
 *  more invocation in its lineage. */
export function chainedTraceHeader(cause: string | undefined, functionArn: string): string {
  const root = /(?:^|;)\s*Root=([^;]+)/.exec(cause ?? '')?.[1] ?? newTraceHeader().slice('Root='.length).split(';')[0];
  let hash = 0;
  for (const char of functionArn) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `Root=${root};Parent=${hex(8)};Sampled=0;Lineage=${hash.toString(16).padStart(8, '0')}:${chainLength(cause) + 1}`;
}
