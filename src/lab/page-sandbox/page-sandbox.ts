// Starts the sandbox inside the page: moto in Pyodide behind the gateway's chain, in a worker,
// reached at <site>/_sandbox through the service worker public/sandbox-sw.js. From then on the
// page uses that address as it would use http://localhost:4566: nothing else in the page knows
// which sandbox answers.
//
// One tab runs it (it holds a Web Lock); every other tab of the site uses that one through the
// service worker, so all tabs see one state, and waits in the lock's queue to take over when that
// tab closes (the state then comes back from the browser's storage: sandbox/page/persistence.ts).
import type { HostMessage } from './host-messages.ts';

export interface PageSandboxProgress {
  /** 0 to 1 */
  fraction: number;
  /** What is loading, in English (the page shows its own words with the fraction). */
  step: string;
}

/** The site's base path with one trailing slash. */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const lockName = `infralabs-page-sandbox:${base}`;

/** Where the pages and workers of this site reach the in-page sandbox. */
export function pageSandboxEndpoint(origin = location.origin): string {
  return `${origin}${base}_sandbox`;
}

/** Whether this browser can run it: service workers need a secure context (https or localhost). */
export function pageSandboxSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'locks' in navigator && globalThis.isSecureContext === true && typeof WebAssembly === 'object';
}

let started: Promise<string> | undefined;

/** Resolves with the endpoint once the sandbox answers; safe to call again (one sandbox per page). */
export function startPageSandbox(onProgress: (progress: PageSandboxProgress) => void): Promise<string> {
  started ??= start(onProgress).catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

async function start(onProgress: (progress: PageSandboxProgress) => void): Promise<string> {
  if (!pageSandboxSupported()) throw new Error('this browser cannot run it (it needs service workers, Web Locks and WebAssembly, on https or localhost).');
  onProgress({ fraction: 0, step: 'service worker' });
  await controlledBy(`${base}sandbox-sw.js`);
  let ready!: () => void;
  let failed!: (error: Error) => void;
  const running = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const owner = await new Promise<boolean>((decided) => {
    void navigator.locks.request(lockName, { ifAvailable: true }, async (lock) => {
      decided(lock !== null);
      if (lock) await runHost(onProgress).then(ready, failed).then(() => holdForever());
    });
  });
  if (!owner) {
    // Another tab runs it: use that one, and take over (quietly) when that tab goes.
    void navigator.locks.request(lockName, async () => {
      await runHost(() => {}).catch(() => {});
      await holdForever();
    });
    await answering(pageSandboxEndpoint()).then(ready, failed);
  }
  await running;
  return pageSandboxEndpoint();
}

/** The lock is held as long as this page lives. */
const holdForever = () => new Promise<never>(() => {});

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
    return;
  }
  await registered;
  if (navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/** Starts the sandbox's worker in this tab and hands the service worker ports to it. */
function runHost(onProgress: (progress: PageSandboxProgress) => void): Promise<void> {
  const worker = new Worker(new URL('./host-worker.ts', import.meta.url), { type: 'module', name: 'infralabs-sandbox' });
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type !== 'infralabs-sandbox-connect') return;
    const channel = new MessageChannel();
    worker.postMessage({ type: 'connect' } satisfies HostMessage, [channel.port2]);
    (event.source as ServiceWorker | null)?.postMessage({ type: 'infralabs-sandbox-port' }, [channel.port1]);
  });
  return new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<HostMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress({ fraction: message.fraction, step: message.step });
      else if (message.type === 'ready') resolve();
      else if (message.type === 'failed') reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'its worker failed to load')));
    worker.postMessage({ type: 'start', base } satisfies HostMessage);
  });
}
