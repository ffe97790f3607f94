// The platform's log lines, alone.
import { describe, expect, it } from 'vitest';
import { logStreamName, logTail, reportLine } from './log-lines.ts';

describe('log lines', () => {
  it('formats REPORT as AWS does, with init and status only when they apply', () => {
    expect(reportLine({ requestId: 'r', durationMs: 12.345, memorySize: 128, maxMemoryUsedMb: 50, status: 'success' }))
      .toBe('REPORT RequestId: r\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\t');
    expect(reportLine({ requestId: 'r', durationMs: 3000.2, memorySize: 128, maxMemoryUsedMb: 60, initDurationMs: 100, status: 'timeout' }))
      .toBe('REPORT RequestId: r\tDuration: 3000.20 ms\tBilled Duration: 3101 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tInit Duration: 100.00 ms\tStatus: timeout\t');
    expect(reportLine({ requestId: 'r', durationMs: 1, memorySize: 128, maxMemoryUsedMb: 129, status: 'error', errorType: 'Runtime.OutOfMemory' }))
      .toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory\t$/);
  });

  it('keeps the last 4 KB for LogResult and names streams by day and version', () => {
    const events = Array.from({ length: 100 }, (_, i) => ({ timestamp: 0, message: `${i} ${'x'.repeat(100)}` }));
    const tail = Buffer.from(logTail(events), 'base64').toString();
    expect(tail.length).toBe(4096);
    expect(tail.endsWith(`99 ${'x'.repeat(100)}\n`)).toBe(true);
    expect(logStreamName('$LATEST', 'a'.repeat(32), new Date('2026-03-04T05:06:07Z'))).toBe(`2026/03/04/[$LATEST]${'a'.repeat(32)}`);
  });
});
