// The in-page sandbox's address. A lab page that runs the sandbox in the page (moto in Pyodide, in a
// worker: sandbox/page/) talks to it at <site>/_sandbox/ exactly as to http://localhost:4566: the
// SDK in the run and grader workers, the resources panel, Reset, and the learner's website opened
// in a tab. This service worker answers those requests by relaying them to the sandbox over a
// MessagePort that an open lab page hands it; it also keeps the sandbox's files (page-sandbox/) for
// offline use. (In the tab that runs the sandbox, the run worker's SDK calls skip this worker:
// src/lab/worker/sandbox-relay.ts reads a request as relay() does here.) It is plain JavaScript in
// public/ because a service worker must be served from a fixed address at the top of the site to
// control its pages.
// @ts-check
/// <reference lib="webworker" />
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const scope = new URL(sw.registration.scope).pathname;
const sandboxPath = `${scope}_sandbox`;
const filesPath = `${scope}page-sandbox/`;
const filesCache = 'infralabs-page-sandbox';
/** How long a lab page has to hand over a port, and the sandbox to answer one request. */
const connectMs = 15_000;
const answerMs = 300_000;

/** A URLPattern pathname that matches `path` as written. @param {string} path */
const literal = (path) => path.replace(/[\\:*?+(){}]/g, '\\$&');

sw.addEventListener('install', (event) => {
  // Every other request of the site's pages goes straight to the network, without this worker:
  // otherwise each script and style of every page in scope waits for it to start and pass it on
  // (about a second of a lab page's load on a repeat visit). Chromium's static routing; a browser
  // without it calls this worker for everything, which then lets the rest through as before.
  const routes = /** @type {{ addRoutes?: (rules: unknown) => Promise<void> }} */ (/** @type {unknown} */ (event));
  if (routes.addRoutes) {
    const ours = [`${literal(sandboxPath)}{/*}?`, `${literal(filesPath)}*`].map((pathname) => ({ urlPattern: new URLPattern({ pathname }) }));
    event.waitUntil(routes.addRoutes([{ condition: { not: { or: ours } }, source: 'network' }]).catch(() => {}));
  }
  void sw.skipWaiting();
});
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));
// A lab page wakes this worker as it starts (infralabs-wake): nothing to do but be running.
sw.addEventListener('message', () => {});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== location.origin) return;
  if (url.pathname === sandboxPath || url.pathname.startsWith(`${sandboxPath}/`)) event.respondWith(relay(event.request, url));
  else if (url.pathname.startsWith(filesPath) && event.request.method === 'GET') event.respondWith(cached(event.request));
});

/** The sandbox's files change name when they change (manifest.json names them by content), so a
 *  stored copy is always right; the manifest itself is asked for fresh and stored for offline. */
async function cached(request) {
  const cache = await caches.open(filesCache);
  if (request.url.endsWith('/manifest.json')) {
    try {
      const fresh = await fetch(request);
      if (fresh.ok) await cache.put(request, fresh.clone());
      return fresh;
    } catch {
      return (await cache.match(request)) ?? Response.error();
    }
  }
  const stored = await cache.match(request);
  if (stored) return stored;
  const fresh = await fetch(request);
  if (fresh.ok) await cache.put(request, fresh.clone());
  return fresh;
}

/** @type {Promise<MessagePort> | undefined} */
let port;
/** The tab whose worker is at the other end of `port`: when it closes, the port leads nowhere. */
let portOwner = '';
let nextId = 1;
/** @type {Map<number, (answer: any) => void>} */
const waiting = new Map();

/** A port to the sandbox, asked of an open lab page (the sandbox lives while that tab is open;
 *  another lab tab then takes over, and answers the next request for a port). */
async function sandboxPort() {
  if (port && portOwner && !(await sw.clients.get(portOwner))) port = undefined;
  return connect();
}

function connect() {
  port ??= new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sw.removeEventListener('message', onMessage);
      port = undefined;
      reject(new Error('no lab page runs the in-page sandbox'));
    }, connectMs);
    /** @param {ExtendableMessageEvent} event */
    function onMessage(event) {
      if (event.data?.type !== 'infralabs-sandbox-port' || !event.ports[0]) return;
      clearTimeout(timer);
      sw.removeEventListener('message', onMessage);
      portOwner = event.source && 'id' in event.source ? event.source.id : '';
      const received = event.ports[0];
      received.onmessage = (answer) => {
        waiting.get(answer.data.id)?.(answer.data);
        waiting.delete(answer.data.id);
      };
      resolve(received);
    }
    sw.addEventListener('message', onMessage);
    void sw.clients.matchAll({ type: 'window' }).then((pages) => {
      for (const page of pages) page.postMessage({ type: 'infralabs-sandbox-connect' });
    });
  });
  return port;
}

/**
 * Only the site's own pages and workers may call the sandbox: a request from them is never a
 * navigation. A navigation can come from anywhere (a link or a form on another site), so it may
 * only open a website (GET /_sandbox/_infralabs/website/...), as a visitor would on AWS.
 * @param {Request} request
 * @param {string} path
 */
function allowed(request, path) {
  if (request.mode !== 'navigate') return true;
  return (request.method === 'GET' || request.method === 'HEAD') && path.startsWith('/_infralabs/website/');
}

/** @param {Request} request @param {URL} url */
async function relay(request, url) {
  const path = url.pathname.slice(sandboxPath.length) || '/';
  if (!allowed(request, path)) return plain(403, 'The in-page sandbox answers only the pages of this site.');
  const body = request.method === 'GET' || request.method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await request.arrayBuffer());
  /** @type {Record<string, string>} */
  const headers = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.host = url.host;
  let target;
  try {
    target = await sandboxPort();
  } catch {
    return plain(503, 'The in-page sandbox is not running: open a lab page of this site (it starts the sandbox), then try again.');
  }
  const id = nextId++;
  const answer = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      // The sandbox's worker is gone (every lab page closed): ask for a new port next time.
      port = undefined;
      resolve(undefined);
    }, answerMs);
    waiting.set(id, (value) => {
      clearTimeout(timer);
      resolve(value);
    });
    target.postMessage({ id, method: request.method, path, search: url.search.slice(1), headers, body }, [body.buffer]);
  });
  if (!answer) return plain(504, 'The in-page sandbox did not answer: reload the lab page.');
  const nullBody = request.method === 'HEAD' || answer.status === 204 || answer.status === 304;
  return new Response(nullBody ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** @param {number} status @param {string} message */
function plain(status, message) {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
