// Writes invocation logs to CloudWatch Logs (/aws/lambda/<name>) in the function's account,
// through the gateway itself (in-process, aws-api.ts) so that every account rule applies to these
// calls too. Writes run after the Invoke answer; a read of the account's logs waits for them first.
import { jsonApi } from '../gateway/aws-api.ts';
import type { GatewayContext } from '../gateway/types.ts';
import type { LogEvent } from './log-lines.ts';
import { unrefTimer } from './timers.ts';

export interface LogTarget {
  gateway: GatewayContext;
  account: string;
  region: string;
  group: string;
  stream: string;
}

const prepared = new Map<string, Promise<void>>();

/** A CloudWatch Logs call in the function's account and region, sent again once on a failure
 *  that may pass (moto is slow under load, and these writes compete with invocations). */
const logs = (target: LogTarget, operation: string, input: Record<string, unknown>) =>
  jsonApi(target.gateway, target.account, 'logs', `Logs_20140328.${operation}`, input, { region: target.region, retry: true });

const errorName = (error: unknown) => (error as { name?: string }).name ?? '';

async function prepare(target: LogTarget): Promise<void> {
  try {
    await logs(target, 'CreateLogGroup', { logGroupName: target.group });
  } catch (error) {
    if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
  }
  try {
    await logs(target, 'CreateLogStream', { logGroupName: target.group, logStreamName: target.stream });
  } catch (error) {
    if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
  }
}

async function put(target: LogTarget, events: LogEvent[]): Promise<void> {
  const id = `${target.account} ${target.region} ${target.group} ${target.stream}`;
  if (!prepared.has(id)) {
    // Re-preparing a forgotten stream is harmless, so old entries are simply dropped.
    if (prepared.size >= 1000) prepared.delete(prepared.keys().next().value!);
    prepared.set(id, prepare(target));
  }
  const command = () => logs(target, 'PutLogEvents', { logGroupName: target.group, logStreamName: target.stream, logEvents: events });
  try {
    await prepared.get(id);
    await command();
  } catch (error) {
    // The learner may have deleted the group: create it again, as Lambda does.
    if (errorName(error) !== 'ResourceNotFoundException') throw error;
    prepared.set(id, prepare(target));
    await prepared.get(id);
    await command();
  }
}

interface StreamQueue {
  target: LogTarget;
  events: LogEvent[];
  log: (line: string) => void;
  timer?: ReturnType<typeof setTimeout>;
  running?: Promise<void>;
}
const queues = new Map<string, StreamQueue>();
/** Invocations close together share one write: moto is slow, and writes compete with invokes. */
const batchMs = 1000;

async function drain(queue: StreamQueue): Promise<void> {
  while (queue.events.length > 0) {
    const batch = queue.events.splice(0, 5000);
    try {
      await put(queue.target, batch);
    } catch (error) {
      queue.log(`Lambda logs for ${queue.target.group} could not be written to CloudWatch Logs: ${(error as Error).message}`);
    }
  }
}

function flush(id: string): Promise<void> {
  const queue = queues.get(id);
  if (!queue) return Promise.resolve();
  clearTimeout(queue.timer);
  queue.timer = undefined;
  queue.running ??= drain(queue).finally(() => {
    queue.running = undefined;
    if (queue.events.length === 0) queues.delete(id);
    else schedule(id, queue);
  });
  return queue.running;
}

function schedule(id: string, queue: StreamQueue): void {
  if (queue.timer || queue.running) return;
  queue.timer = unrefTimer(setTimeout(() => void flush(id), batchMs));
}

/** Queues the events of one invocation; failures are reported with `log`, never thrown. */
export function writeLogs(target: LogTarget, events: LogEvent[], log: (line: string) => void): void {
  if (events.length === 0) return;
  const id = `${target.gateway.endpoint} ${target.account} ${target.region} ${target.group} ${target.stream}`;
  let queue = queues.get(id);
  if (!queue) queues.set(id, queue = { target, events: [], log });
  queue.events.push(...events);
  schedule(id, queue);
}

/** Writes out everything queued for the account now, and resolves once it is written. */
export async function logsSettled(account: string): Promise<void> {
  const flushing: Promise<void>[] = [];
  for (const [id, queue] of queues) {
    if (queue.target.account === account) flushing.push(flush(id));
  }
  await Promise.all(flushing);
}
