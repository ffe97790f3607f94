// The Node host's HTTP server: turns each request into an Exchange and runs the chain (dispatch.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Exchange, GatewayContext, GatewayRequest, GatewayResponse } from './types.ts';
import { bodyLimit } from './body-limits.ts';
import { defaultAccount } from './handlers/resolve-account.ts';
import { gatewayFailure, handle } from './dispatch.ts';

/** A body larger than its cap is read to the end (up to this much) and dropped, so that the
 *  client, still sending, gets the error instead of a reset connection; past it, the connection goes. */
const drainLimit = 1024 * 1024 * 1024;

function requestOf(message: IncomingMessage): GatewayRequest {
  const raw = message.url ?? '/';
  const queryAt = raw.indexOf('?');
  const search = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  return {
    method: message.method ?? 'GET',
    path: queryAt === -1 ? raw : raw.slice(0, queryAt),
    search,
    query: new URLSearchParams(search),
    headers: { ...message.headers },
    body: Buffer.alloc(0),
    remoteAddress: message.socket.remoteAddress?.replace(/^::ffff:(?=\d+\.)/, ''),
  };
}

/** The request with its body, or the answer when the body is over its cap. */
async function readExchange(message: IncomingMessage): Promise<Exchange | GatewayResponse> {
  const request = requestOf(message);
  const limit = bodyLimit(request);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    size += (chunk as Buffer).length;
    if (size <= limit.maxBytes) chunks.push(chunk as Buffer);
    else if (size > drainLimit) message.destroy();
  }
  if (size > limit.maxBytes) return limit.tooLarge();
  return { request: { ...request, body: Buffer.concat(chunks) }, account: defaultAccount };
}

function writeResponse(out: ServerResponse, response: GatewayResponse, method?: string): void {
  const headers = { ...response.headers };
  delete headers['transfer-encoding'];
  delete headers['connection'];
  // A HEAD answer has no body but tells the length of the one GET would send (HeadObject's
  // ContentLength); Node's server sends no body for HEAD by itself.
  if (method !== 'HEAD' || headers['content-length'] === undefined) headers['content-length'] = String(Buffer.byteLength(response.body));
  out.writeHead(response.status, headers);
  out.end(response.body);
}

export function createGatewayServer(gateway: GatewayContext): Server {
  const server = createServer((message, out) => {
    readExchange(message)
      .then((read) => ('request' in read ? handle(read, gateway) : refuseBody(read, gateway, message)))
      .then((response) => writeResponse(out, response, message.method))
      .catch((error) => writeResponse(out, gatewayFailure(error)));
  });
  // The SDK asks before sending a large body (Expect: 100-continue): a body declared over its cap
  // is refused before it is sent. Only the host check runs first, as for every request.
  server.on('checkContinue', (message: IncomingMessage, out: ServerResponse) => {
    const request = requestOf(message);
    const declared = Number(message.headers['content-length'] ?? 0);
    const limit = bodyLimit(request);
    if (declared > limit.maxBytes) {
      out.shouldKeepAlive = false;
      void refuseBody(limit.tooLarge(), gateway, message).then((response) => writeResponse(out, response, message.method));
      return;
    }
    out.writeContinue();
    server.emit('request', message, out);
  });
  return server;
}

/** The too-large answer, through the same host and CORS handling as any other answer. */
async function refuseBody(tooLarge: GatewayResponse, gateway: GatewayContext, message: IncomingMessage): Promise<GatewayResponse> {
  return handle({ request: requestOf(message), account: defaultAccount }, gateway, tooLarge);
}
