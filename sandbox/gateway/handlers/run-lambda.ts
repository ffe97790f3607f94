// Lambda's Invoke, run by the host's runner when the backend's own is not used (gateway.lambda:
// child processes in the Node host). Without a runner, Invoke goes on to the backend, which
// answers it as it would anyway.
import type { RequestHandler } from '../types.ts';

export const runLambda: RequestHandler = (exchange, gateway) => gateway.lambda?.handle(exchange, gateway);
