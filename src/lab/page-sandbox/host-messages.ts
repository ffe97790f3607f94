// What a lab page and the in-page sandbox's worker say to each other (the service worker's relay
// speaks sandbox/page/page-host.ts's RelayRequest and RelayAnswer on the ports 'connect' hands over).
export type HostMessage =
  /** This worker holds the lock and runs the sandbox (it asks for ports from now on). */
  | { type: 'owner' }
  /** Another tab holds the lock: this worker waits to take over when that tab goes. */
  | { type: 'queued' }
  /** A port for the service worker: requests arrive on it, answers leave on it. */
  | { type: 'connect' }
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'ready' }
  | { type: 'failed'; message: string };

// The worker starts on its own, told the site's base path by its name: a message from the page
// reaches a new worker only when the page's main thread gets to it, and on a lab page that thread
// is busy loading the editor for most of a second.
const namePrefix = 'infralabs-sandbox:';
export const hostWorkerName = (base: string) => `${namePrefix}${base}`;
export const baseOfHostWorker = (name: string) => (name.startsWith(namePrefix) ? name.slice(namePrefix.length) : undefined);
/** One sandbox per site: the Web Lock its worker holds. */
export const lockNameFor = (base: string) => `infralabs-page-sandbox:${base}`;
