// The in-page sandbox's kept calls (write-log.ts) in IndexedDB, so they outlive the tab. One
// database per site path; one object store of calls in the order they were made.
import type { CallLog, LoggedCall } from './write-log.ts';

const store = 'calls';

function request<T>(action: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    action.onsuccess = () => resolve(action.result);
    action.onerror = () => reject(action.error ?? new Error('IndexedDB failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
  });
}

export class IndexedDbCallLog implements CallLog {
  private readonly db: Promise<IDBDatabase>;

  constructor(name: string) {
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(store, { autoIncrement: true });
    this.db = request(opening);
  }

  async append(call: LoggedCall): Promise<void> {
    const transaction = (await this.db).transaction(store, 'readwrite');
    transaction.objectStore(store).add(call);
    await done(transaction);
  }

  async all(): Promise<LoggedCall[]> {
    const transaction = (await this.db).transaction(store, 'readonly');
    return request(transaction.objectStore(store).getAll() as IDBRequest<LoggedCall[]>);
  }

  async clear(account?: string): Promise<void> {
    const transaction = (await this.db).transaction(store, 'readwrite');
    const calls = transaction.objectStore(store);
    if (!account) calls.clear();
    else {
      const cursor = calls.openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        if ((at.value as LoggedCall).account === account) at.delete();
        at.continue();
      };
    }
    await done(transaction);
  }
}
