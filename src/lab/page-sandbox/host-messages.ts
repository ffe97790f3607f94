// What a lab page and the in-page sandbox's worker say to each other (the service worker's relay
// speaks sandbox/page/page-host.ts's RelayRequest and RelayAnswer on the ports 'connect' hands over).
export type HostMessage =
  /** Boot the sandbox (once; later calls only wait for it). `base` is the site's base path. */
  | { type: 'start'; base: string }
  /** A port for the service worker: requests arrive on it, answers leave on it. */
  | { type: 'connect' }
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'ready' }
  | { type: 'failed'; message: string };
