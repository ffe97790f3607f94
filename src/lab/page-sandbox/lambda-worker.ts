// One in-page Lambda execution environment: a dedicated Web Worker that the sandbox's host worker
// starts per environment (lambda-environment.ts) and terminates at the function's timeout, when
// the function changes, or when it idles. It runs lambda-runtime.ts with the page's SDK clients.
import { learnerModules } from '../worker/sdk-modules.ts';
import type { FromLambdaWorker, ToLambdaWorker } from './lambda-messages.ts';
import { serveLambda } from './lambda-serve.ts';

const scope = self as unknown as Record<string, unknown>;

// The Node host refuses worker threads to a handler: no nested workers here either (terminating
// this worker would end them too, but they are no part of Lambda's runtime). And a worker of the
// site's origin could open the site's storage, where the in-page sandbox keeps the learner's
// state, and talk to its other workers: none of that is a Lambda function's. Constructors are own
// properties of the worker's global, but indexedDB, caches and navigator are getters of its
// prototypes (WorkerGlobalScope's): each is deleted where it is defined, configurable as WebIDL
// makes them, so the handler has no way back (e2e/page-sandbox.test.ts tries).
for (const name of ['Worker', 'SharedWorker', 'indexedDB', 'caches', 'BroadcastChannel', 'navigator']) {
  for (let holder: object | null = scope; holder; holder = Object.getPrototypeOf(holder)) {
    if (Object.prototype.hasOwnProperty.call(holder, name)) delete (holder as Record<string, unknown>)[name];
  }
}

// Lambda's runtime bundles the SDK and nothing else of the site: only its packages load here.
const server = serveLambda(
  (message: FromLambdaWorker) => postMessage(message),
  (name) => (name.startsWith('@aws-sdk/') ? learnerModules[name]?.() : undefined),
);

self.addEventListener('error', (event) => {
  event.preventDefault();
  server.uncaught(event.error, 'exception');
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  server.uncaught(event.reason, 'rejection');
});
self.addEventListener('message', (event: MessageEvent<ToLambdaWorker>) => server.receive(event.data));
