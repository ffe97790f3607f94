// Starts the sandbox inside the page: moto in Pyodide behind the gateway's chain, in a worker,
// reached at <site>/_sandbox through the service worker public/sandbox-sw.js. From then on the
// page uses that address as it would use http://localhost:4566: nothing else in the page knows
// which sandbox answers.
//
// One tab runs it (its sandbox worker holds a Web Lock); every other tab of the site uses that one
// through the service worker, so all tabs see one state, and its worker waits in the lock's queue
// to take over when that tab closes (the state then comes back from the browser's storage:
// sandbox/page/persistence.ts).
import { hostWorkerName, type HostMessage } from './host-messages.ts';

export interface PageSandboxProgress {
  /** 0 to 1 */
  fraction: number;
  /** What is loading, in English (the page shows its own words with the fraction). */
  step: string;
}

/** The site's base path with one trailing slash. */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Where the pages and workers of this site reach the in-page sandbox. */
export function pageSandboxEndpoint(origin = location.origin): string {
  return `${origin}${base}_sandbox`;
}

/** Whether this browser can run it: service workers need a secure context (https or localhost). */
export function pageSandboxSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'locks' in navigator && globalThis.isSecureContext === true && typeof WebAssembly === 'object';
}

let started: Promise<string> | undefined;
/** This tab's sandbox worker while it runs the sandbox (it holds the lock). */
let running: Worker | undefined;
const listeners = new Set<(progress: PageSandboxProgress) => void>();
let latest: PageSandboxProgress | undefined;

/** Resolves with the endpoint once the sandbox answers; safe to call again (one sandbox per page,
 *  every caller told its progress). */
export function startPageSandbox(onProgress: (progress: PageSandboxProgress) => void): Promise<string> {
  listeners.add(onProgress);
  if (latest) onProgress(latest);
  started ??= start((progress) => {
    latest = progress;
    for (const listener of listeners) listener(progress);
  }).catch((error: unknown) => {
    started = undefined;
    latest = undefined;
    throw error;
  });
  return started;
}

async function start(onProgress: (progress: PageSandboxProgress) => void): Promise<string> {
  if (!pageSandboxSupported()) throw new Error('this browser cannot run it (it needs service workers, Web Locks and WebAssembly, on https or localhost).');
  onProgress({ fraction: 0, step: 'service worker' });
  // On a repeat visit the service worker controls this page already, and the sandbox's worker
  // starts at once: it loads, takes the lock and boots while the page's other scripts keep the
  // main thread busy. On a first visit it waits for the service worker, which keeps its files.
  const controlled = navigator.serviceWorker.controller !== null;
  const starting = controlled ? run(onProgress) : undefined;
  await controlledBy(`${base}sandbox-sw.js`);
  await (starting ?? run(onProgress));
  return pageSandboxEndpoint();
}

/** Starts the sandbox's worker and resolves once this page can use a sandbox: its own, or the one
 *  another tab runs. A worker that fails is ended, and its lock goes with it (a retry starts afresh). */
function run(onProgress: (progress: PageSandboxProgress) => void): Promise<void> {
  const host = hostWorker();
  let settled = false;
  return new Promise<void>((ready, failed) => {
    const done = () => {
      settled = true;
      ready();
    };
    host.onmessage = (event: MessageEvent<HostMessage>) => {
      const message = event.data;
      if (message.type === 'owner') {
        running = host;
        offerPorts(host);
      } else if (message.type === 'queued') {
        // Another tab runs it, or ran it and is closing (a reload: its lock goes with its page).
        // Use it while it answers; this worker takes over when that tab goes. Whichever comes
        // first makes this page ready, and progress shows only until then.
        void answering(pageSandboxEndpoint()).then(done, failed);
      } else if (message.type === 'progress') {
        if (!settled) onProgress({ fraction: message.fraction, step: message.step });
      } else if (message.type === 'ready') done();
      else if (message.type === 'failed') {
        host.terminate();
        if (running === host) running = undefined;
        failed(new Error(message.message));
      }
    };
    host.onerror = (event) => {
      host.terminate();
      if (running === host) running = undefined;
      failed(new Error(event.message || 'its worker failed to load'));
    };
  });
}

/** The sandbox's worker: it holds the tab's lock (Web Locks) and, while it does, the sandbox. */
function hostWorker(): Worker {
  return new Worker(new URL('./host-worker.ts', import.meta.url), { type: 'module', name: hostWorkerName(base) });
}

/** Hands the service worker a port to the sandbox now (it may be waiting for one since the tab
 *  that ran the sandbox closed) and each time it asks this tab for one. */
function offerPorts(host: Worker): void {
  const offer = (to: ServiceWorker | null | undefined) => {
    const port = portTo(host);
    to?.postMessage({ type: 'infralabs-sandbox-port' }, [port]);
  };
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type === 'infralabs-sandbox-connect') offer(event.source as ServiceWorker | null);
  });
  offer(navigator.serviceWorker.controller);
}

/** A port straight to the sandbox when this tab runs it, for a worker of this page whose SDK calls
 *  would otherwise each make a round trip through the service worker (src/lab/worker/sandbox-relay.ts);
 *  undefined when another tab runs it. */
export function connectDirectly(): MessagePort | undefined {
  return running && portTo(running);
}

/** One end of a new channel whose other end the sandbox's worker serves (requests in, answers out). */
function portTo(host: Worker): MessagePort {
  const channel = new MessageChannel();
  host.postMessage({ type: 'connect' } satisfies HostMessage, [channel.port2]);
  return channel.port1;
}

/** Resolves once the sandbox another tab runs answers through the service worker. */
async function answering(endpoint: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${endpoint}/_infralabs/health`)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('another tab of this site runs it but does not answer: close the other lab tabs and reload this one.');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Registers the service worker and waits until it controls this page (at once on a first visit:
 *  it claims its clients when it activates). */
async function controlledBy(script: string): Promise<void> {
  const registered = navigator.serviceWorker.register(script, { scope: base, type: 'classic' });
  // A repeat visit: the page is controlled already, and the update check (a fetch of the script)
  // need not hold the start back.
  if (navigator.serviceWorker.controller) {
    void registered.catch(() => {});
    // Wakes it now, while the page loads: the sandbox's worker script and files go through it,
    // and a service worker stopped since the last visit takes a moment to start.
    navigator.serviceWorker.controller.postMessage({ type: 'infralabs-wake' });
    return;
  }
  await registered;
  if (navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}
