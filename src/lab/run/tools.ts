// The page's side of the tools worker (grader, setup, resources): one request, one answer.
import type { GradeReport } from '../../../grader/report.ts';
import type { ResourceGroup } from '../worker/resources.ts';
import type { ToolRequest, ToolResponse } from '../worker/messages.ts';

type Target = { lab: string; endpoint: string; account: string; secret: string };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class Tools {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../worker/tools-worker.ts', import.meta.url), { type: 'module', name: 'infralabs-tools' });
    worker.onmessage = (event: MessageEvent<ToolResponse>) => {
      const waiting = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      if (event.data.ok) waiting?.resolve(event.data.value);
      else waiting?.reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'the grader crashed'));
      this.pending.clear();
      this.worker?.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  /** Drops the worker, if idle: one started before the in-page sandbox's service worker took the
   *  page would not reach that sandbox. The next request starts a fresh one. */
  discardIdle(): void {
    if (this.pending.size > 0 || !this.worker) return;
    this.worker.terminate();
    this.worker = undefined;
  }

  /** Loads the worker (and the SDK it needs) before the learner first presses Check. */
  warm(): void {
    this.ensure();
  }

  private request<T>(message: WithoutId<ToolRequest>): Promise<T> {
    const id = this.nextId++;
    const worker = this.ensure();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  check(target: Target, lang: 'ko' | 'en') {
    return this.request<GradeReport>({ type: 'check', ...target, lang });
  }

  setup(target: Target) {
    return this.request<null>({ type: 'setup', ...target });
  }

  resources(target: Target, lang: 'ko' | 'en') {
    return this.request<ResourceGroup[]>({ type: 'resources', ...target, lang });
  }
}
