// Times every HTTP call this process makes, from the request's start to the response's last byte,
// with Node's own diagnostics channels: the SDK sends through node:http whoever built the client
// (a learner script, the grader), so the solution and Check are timed alike and nothing is patched.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** One call: its duration, and the HTTP status (0 when no answer came). */
export interface ApiCall {
  ms: number;
  status: number;
}

/** A student process prints its calls on this line when it exits, for the bench to read. */
export const callsMarker = '@@infralabs-bench-calls ';
/** A student process prints this once it is loaded and waits for its turn. */
export const readyMarker = '@@infralabs-bench-ready\n';

export function recordApiCalls(): { calls: ApiCall[]; stop(): void } {
  const calls: ApiCall[] = [];
  const started = new WeakMap<ClientRequest, number>();
  const onStart = (message: unknown) => started.set((message as { request: ClientRequest }).request, performance.now());
  const onResponse = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    // This channel fires on the headers; an AWS answer is whole only with its body.
    response.once('end', () => calls.push({ ms: performance.now() - (started.get(request) ?? performance.now()), status: response.statusCode ?? 0 }));
  };
  const onError = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    calls.push({ ms: performance.now() - (started.get(request) ?? performance.now()), status: 0 });
  };
  subscribe('http.client.request.start', onStart);
  subscribe('http.client.response.finish', onResponse);
  subscribe('http.client.request.error', onError);
  return {
    calls,
    stop() {
      unsubscribe('http.client.request.start', onStart);
      unsubscribe('http.client.response.finish', onResponse);
      unsubscribe('http.client.request.error', onError);
    },
  };
}

/** A call that went wrong in the sandbox, not in the script's logic: no answer, a refused
 *  signature (403), or a server error or throttling (5xx). The solution's own lookups of what does
 *  not exist yet (TargetGroupNotFound, 400) are expected. */
export function isError(call: ApiCall): boolean {
  return call.status === 0 || call.status === 401 || call.status === 403 || call.status >= 500;
}
