// The gateway's HTTP server: turns each request into an Exchange and runs the chain.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { requestHandlers, responseHandlers } from './chain.ts';
import type { Exchange, GatewayContext, GatewayResponse } from './types.ts';
import { defaultAccount } from './handlers/resolve-account.ts';

async function readExchange(message: IncomingMessage): Promise<Exchange> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const raw = message.url ?? '/';
  const queryAt = raw.indexOf('?');
  const search = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  return {
    request: {
      method: message.method ?? 'GET',
      path: queryAt === -1 ? raw : raw.slice(0, queryAt),
      search,
      query: new URLSearchParams(search),
      headers: { ...message.headers },
      body: Buffer.concat(chunks),
    },
    account: defaultAccount,
  };
}

export async function handle(exchange: Exchange, gateway: GatewayContext): Promise<GatewayResponse> {
  let response: GatewayResponse | undefined;
  try {
    for (const handler of requestHandlers) {
      response = await handler(exchange, gateway);
      if (response) break;
    }
    response ??= { status: 404, headers: {}, body: '' };
  } catch (error) {
    response = gatewayFailure(error);
  }
  for (const handler of responseHandlers) {
    try {
      response = await handler(exchange, response, gateway);
    } catch (error) {
      response = gatewayFailure(error);
    }
  }
  return response;
}

/** A failure inside the gateway, in the JSON shape every AWS SDK can read. */
function gatewayFailure(error: unknown): GatewayResponse {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalFailure' },
    body: JSON.stringify({ __type: 'InternalFailure', message: `Infra Labs sandbox gateway: ${message}` }),
  };
}

function writeResponse(out: ServerResponse, response: GatewayResponse): void {
  const headers = { ...response.headers };
  delete headers['transfer-encoding'];
  delete headers['connection'];
  headers['content-length'] = String(Buffer.byteLength(response.body));
  out.writeHead(response.status, headers);
  out.end(response.body);
}

export function createGatewayServer(gateway: GatewayContext): Server {
  return createServer((message, out) => {
    readExchange(message)
      .then((exchange) => handle(exchange, gateway))
      .then((response) => writeResponse(out, response))
      .catch((error) => writeResponse(out, gatewayFailure(error)));
  });
}
