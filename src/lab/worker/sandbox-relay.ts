// The run worker's SDK calls to the in-page sandbox, when this tab runs it, go straight to the
// sandbox's worker over a MessagePort the page hands over, instead of through the service worker
// (public/sandbox-sw.js): that detour cost about 8 ms of a 25 ms DescribeInstances. The SDK builds
// the Request as for fetch (its FetchHttpHandler's customFetch), so the browser has already dropped
// the headers no script may set; it is read here as the service worker reads one, and the answer
// becomes a Response as there. Any other address (the local sandbox, the learner's own fetch) is
// fetched as before.
import type { RelayAnswer, RelayRequest } from '../../../sandbox/page/page-host.ts';

/** fetch for the SDK clients: requests below `endpoint` are relayed over `port`. */
export function relayFetch(port: MessagePort, endpoint: string): typeof fetch {
  const base = new URL(endpoint);
  const waiting = new Map<number, (answer: RelayAnswer) => void>();
  let nextId = 1;
  port.onmessage = (event: MessageEvent<RelayAnswer>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };

  const relayed = async (request: Request, url: URL): Promise<Response> => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers.host = url.host;
    const id = nextId++;
    const message: RelayRequest = { id, method: request.method, path: url.pathname.slice(base.pathname.length) || '/', search: url.search.slice(1), headers, body };
    const answer = await new Promise<RelayAnswer>((resolve) => {
      waiting.set(id, resolve);
      port.postMessage(message, [body.buffer]);
    });
    const nullBody = request.method === 'HEAD' || answer.status === 204 || answer.status === 304;
    // A buffer of its own: the sandbox's worker hands its answers over (transferred).
    return new Response(nullBody ? null : (answer.body as Uint8Array<ArrayBuffer>), { status: answer.status, headers: answer.headers });
  };

  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const below = url.origin === base.origin && (url.pathname === base.pathname || url.pathname.startsWith(`${base.pathname}/`));
    return below ? relayed(request, url) : fetch(request);
  };
}
