// The in-page sandbox's worker: moto in Pyodide behind the gateway's chain (sandbox/page/). A lab
// page starts it; the site's service worker relays the requests of every page and worker of the
// site to it over the ports the page hands on ('connect').
import { startPythonBackend, type LoadStage } from '../../../sandbox/page/python-backend.ts';
import { pageHost, type PageHost, type RelayRequest } from '../../../sandbox/page/page-host.ts';
import { IndexedDbCallLog } from '../../../sandbox/page/persistence.ts';
import { cacheSnapshots } from '../../../sandbox/page/snapshot-cache.ts';
import type { HostMessage } from './host-messages.ts';
import { pageLambdaRunner } from './lambda-environment.ts';

const post = (message: HostMessage) => postMessage(message);
/** Roughly how far along each stage starts: fetching and compiling Pyodide is most of a cold start. */
const stageFraction: Record<LoadStage, number> = { runtime: 0.05, packages: 0.5, moto: 0.7, ready: 1 };

/** The sandbox, once it answers; `ready` once it also holds the learner's kept resources. */
let host: Promise<PageHost> | undefined;
let ready: Promise<void> | undefined;

async function boot(base: string): Promise<PageHost> {
  const origin = self.location.origin;
  const python = await startPythonBackend({
    indexURL: `${origin}${base}page-sandbox/`,
    onProgress: (stage) => post({ type: 'progress', fraction: stageFraction[stage], step: stage }),
    // A repeat visit restores the interpreter as it was after its first start.
    snapshots: cacheSnapshots,
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

self.onmessage = (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'start') {
    host ??= boot(message.base);
    ready ??= host.then(restoreKept);
    ready.then(() => post({ type: 'ready' }), (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  } else if (message.type === 'connect' && event.ports[0]) {
    serve(event.ports[0]);
  }
};
