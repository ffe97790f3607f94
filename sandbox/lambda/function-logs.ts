// Writes invocation logs to CloudWatch Logs (/aws/lambda/<name>) in the function's account,
// through the gateway itself so that every account rule applies to these calls too.
// Writes run after the Invoke answer; a read of the account's logs waits for them first.
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LogEvent } from './log-lines.ts';

export interface LogTarget {
  endpoint: string;
  account: string;
  region: string;
  group: string;
  stream: string;
}

const clients = new Map<string, CloudWatchLogsClient>();
const prepared = new Map<string, Promise<void>>();
/** Writes not yet finished, per account. */
const pending = new Map<string, Set<Promise<void>>>();
/** One chain per stream keeps its events in order. */
const chains = new Map<string, Promise<void>>();

function clientFor(target: LogTarget): CloudWatchLogsClient {
  const id = `${target.endpoint} ${target.account} ${target.region}`;
  let client = clients.get(id);
  if (!client) {
    if (clients.size >= 64) {
      const [oldest] = clients.keys();
      clients.get(oldest!)?.destroy();
      clients.delete(oldest!);
    }
    client = new CloudWatchLogsClient({
      endpoint: target.endpoint,
      region: target.region,
      credentials: { accessKeyId: target.account, secretAccessKey: 'infralabs' },
      maxAttempts: 2,
    });
    clients.set(id, client);
  }
  return client;
}

const errorName = (error: unknown) => (error as { name?: string }).name ?? '';

async function prepare(client: CloudWatchLogsClient, target: LogTarget): Promise<void> {
  try {
    await client.send(new CreateLogGroupCommand({ logGroupName: target.group }));
  } catch (error) {
    if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
  }
  try {
    await client.send(new CreateLogStreamCommand({ logGroupName: target.group, logStreamName: target.stream }));
  } catch (error) {
    if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
  }
}

async function put(target: LogTarget, events: LogEvent[]): Promise<void> {
  const client = clientFor(target);
  const id = `${target.account} ${target.region} ${target.group} ${target.stream}`;
  if (!prepared.has(id)) {
    // Re-preparing a forgotten stream is harmless, so old entries are simply dropped.
    if (prepared.size >= 1000) prepared.delete(prepared.keys().next().value!);
    prepared.set(id, prepare(client, target));
  }
  const command = () => client.send(new PutLogEventsCommand({ logGroupName: target.group, logStreamName: target.stream, logEvents: events }));
  try {
    await prepared.get(id);
    await command();
  } catch (error) {
    // The learner may have deleted the group: create it again, as Lambda does.
    if (errorName(error) !== 'ResourceNotFoundException') throw error;
    prepared.set(id, prepare(client, target));
    await prepared.get(id);
    await command();
  }
}

/** Queues the events of one invocation; failures are reported with `log`, never thrown. */
export function writeLogs(target: LogTarget, events: LogEvent[], log: (line: string) => void): void {
  if (events.length === 0) return;
  const streamId = `${target.account} ${target.region} ${target.group} ${target.stream}`;
  const previous = chains.get(streamId) ?? Promise.resolve();
  const write = previous.then(() => put(target, events)).catch((error: unknown) => {
    log(`Lambda logs for ${target.group} could not be written to CloudWatch Logs: ${(error as Error).message}`);
  });
  chains.set(streamId, write);
  let forAccount = pending.get(target.account);
  if (!forAccount) pending.set(target.account, forAccount = new Set());
  forAccount.add(write);
  void write.finally(() => {
    forAccount.delete(write);
    if (forAccount.size === 0) pending.delete(target.account);
    if (chains.get(streamId) === write) chains.delete(streamId);
  });
}

/** Resolves once every log write queued so far for the account has finished. */
export async function logsSettled(account: string): Promise<void> {
  const forAccount = pending.get(account);
  if (forAccount) await Promise.all([...forAccount]);
}
