// Which of the learner's calls change the sandbox's state: those are kept (persistence.ts) and
// played again into a fresh moto when the page comes back, so a reload or a closed tab keeps the
// account's resources. Reads are not kept: they change nothing.
import type { Exchange } from '../gateway/types.ts';

/** One kept call: the request as the page sent it, with the seed its ids were drawn from. */
export interface LoggedCall {
  account: string;
  seed: number;
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Where kept calls live: IndexedDB in the browser (persistence.ts), memory in tests. */
export interface CallLog {
  append(call: LoggedCall): Promise<void>;
  /** Every kept call, oldest first. */
  all(): Promise<LoggedCall[]>;
  /** Forgets one account's calls, or every call. */
  clear(account?: string): Promise<void>;
}

const reads = /^(Describe|Get|List|Head|Lookup|Search|Filter|Select|BatchGet|Check|Validate|Simulate|Estimate|Preview)/;

/** Whether this call may change state. Invoke counts: a function's effects (its logs, what it
 *  writes) come back by running it again. */
export function changesState(exchange: Exchange): boolean {
  const { method, path } = exchange.request;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (path.startsWith('/_infralabs/')) return false;
  const name = exchange.operation?.name ?? '';
  return !reads.test(name);
}

export class MemoryCallLog implements CallLog {
  private calls: LoggedCall[] = [];
  async append(call: LoggedCall) {
    this.calls.push(call);
  }
  async all() {
    return [...this.calls];
  }
  async clear(account?: string) {
    this.calls = account ? this.calls.filter((call) => call.account !== account) : [];
  }
}
