// The in-page sandbox's worker: moto in Pyodide behind the gateway's chain (sandbox/page/). A lab
// page starts it; the site's service worker relays the requests of every page and worker of the
// site to it over the ports the page hands on ('connect').
import { startPythonBackend, type LoadStage } from '../../../sandbox/page/python-backend.ts';
import { pageHost, type PageHost, type RelayRequest } from '../../../sandbox/page/page-host.ts';
import { IndexedDbCallLog } from '../../../sandbox/page/persistence.ts';
import { opfsStore } from '../../../sandbox/page/opfs-store.ts';
import { baseOfHostWorker, lockNameFor, type HostMessage } from './host-messages.ts';
import { pageLambdaRunner } from './lambda-environment.ts';

const post = (message: HostMessage) => postMessage(message);
/** Roughly how far along each stage starts: fetching and compiling Pyodide is most of a cold start. */
const stageFraction: Record<LoadStage, number> = { runtime: 0.05, packages: 0.5, moto: 0.7, ready: 1 };

/** The sandbox, once it answers (the ports' requests wait for it). */
let host: Promise<PageHost> | undefined;

async function boot(base: string): Promise<PageHost> {
  const origin = self.location.origin;
  const python = await startPythonBackend({
    indexURL: `${origin}${base}page-sandbox/`,
    onProgress: (stage) => post({ type: 'progress', fraction: stageFraction[stage], step: stage }),
    // A repeat visit restores the interpreter as it was after its first start, and reads the
    // archives as the first start decompressed them.
    snapshots: opfsStore('snapshot'),
    archives: { stdlib: opfsStore('stdlib'), packages: opfsStore('packages') },
  });
  const host = await pageHost({
    python,
    origin,
    endpoint: `${origin}${base}_sandbox`,
    // Handlers run in workers of their own; fewer at once than the Node sandbox's 16: each loads
    // the SDK clients it uses, in the learner's own tab.
    lambda: pageLambdaRunner({ limits: { maxEnvironments: 6, accountConcurrency: 4 } }),
    // The learner's resources outlive the tab: what changed them is kept and played again here.
    calls: new IndexedDbCallLog(`infralabs-page-sandbox:${base}`),
    log: (line) => console.warn(`[sandbox] ${line}`),
  });
  return host;
}

/** Plays the kept calls again. Requests are served meanwhile: a kept Invoke's handler calls the
 *  sandbox while the Invoke waits for it. */
async function restoreKept(host: PageHost): Promise<void> {
  post({ type: 'progress', fraction: 0.9, step: 'restoring' });
  await host.restore();
}

/** Answers the requests that arrive on a port from the service worker. */
function serve(port: MessagePort): void {
  port.onmessage = async (event: MessageEvent<RelayRequest>) => {
    let answer;
    try {
      answer = await (await host!).answer(event.data);
    } catch (error) {
      const message = `The in-page sandbox failed to start (${error instanceof Error ? error.message : String(error)}): reload the lab page.`;
      answer = { id: event.data.id, status: 503, headers: [['content-type', 'text/plain; charset=utf-8']] as [string, string][], body: new TextEncoder().encode(message) };
    }
    // A copy to hand over: the answer's bytes may be a view into something the chain keeps.
    const body = answer.body.slice();
    port.postMessage({ ...answer, body }, [body.buffer]);
  };
}

/** Runs the sandbox for as long as this worker lives (its tab), holding the site's lock: once, as
 *  the lock is taken. Ready once it also holds the learner's kept resources. */
async function run(base: string): Promise<never> {
  host = boot(base);
  post({ type: 'owner' });
  host.then(restoreKept).then(() => post({ type: 'ready' }), (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  return new Promise<never>(() => {});
}

self.onmessage = (event: MessageEvent<HostMessage>) => {
  if (event.data.type === 'connect' && event.ports[0]) serve(event.ports[0]);
};

// The lock is taken here, not in the page, for the same reason the base comes in the name (the
// page's main thread is busy); it goes with this worker's tab all the same.
const base = baseOfHostWorker(self.name);
if (base !== undefined) {
  const lock = lockNameFor(base);
  void navigator.locks.request(lock, { ifAvailable: true }, async (held) => {
    if (held) return run(base);
    post({ type: 'queued' });
    return navigator.locks.request(lock, () => run(base));
  });
}
