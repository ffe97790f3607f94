// The gateway's HTTP server: turns each request into an Exchange and runs the chain.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { requestHandlers, responseHandlers } from './chain.ts';
import type { Exchange, GatewayContext, GatewayResponse } from './types.ts';
import { defaultAccount } from './handlers/resolve-account.ts';
import { awsError } from './aws-error.ts';
import { identifyOperation } from './operation.ts';

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
    response = gatewayFailure(error, exchange);
  }
  for (const handler of responseHandlers) {
    try {
      response = await handler(exchange, response, gateway);
    } catch (error) {
      response = gatewayFailure(error, exchange);
    }
  }
  return response;
}

/** A failure inside the gateway, as an AWS error in the caller's protocol when it is known. */
function gatewayFailure(error: unknown, exchange?: Exchange): GatewayResponse {
  const message = `Infra Labs sandbox gateway: ${error instanceof Error ? error.message : String(error)}`;
  if (exchange) {
    try {
      return awsError(identifyOperation(exchange).protocol, 500, 'InternalFailure', message);
    } catch {
      // fall back to JSON below
    }
  }
  return {
    status: 500,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalFailure' },
    body: JSON.stringify({ __type: 'InternalFailure', message }),
  };
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
  return createServer((message, out) => {
    readExchange(message)
      .then((exchange) => handle(exchange, gateway))
      .then((response) => writeResponse(out, response, message.method))
      .catch((error) => writeResponse(out, gatewayFailure(error)));
  });
}
