// Runs the chain for one exchange, in any host: the Node server (server.ts) hands it each HTTP
// request, and the gateway's own calls (aws-api.ts) come here in-process.
import { accessHandlers, requestHandlers, responseHandlers } from './chain.ts';
import type { Exchange, GatewayContext, GatewayResponse } from './types.ts';
import { awsError } from './aws-error.ts';
import { identifyOperation } from './operation.ts';

/** Runs the chain. `answer`, when given, is the reply to give unless an access check refuses first. */
export async function handle(exchange: Exchange, gateway: GatewayContext, answer?: GatewayResponse): Promise<GatewayResponse> {
  let response: GatewayResponse | undefined;
  try {
    for (const handler of answer ? accessHandlers : requestHandlers) {
      response = await handler(exchange, gateway);
      if (response) break;
    }
    response ??= answer;
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
export function gatewayFailure(error: unknown, exchange?: Exchange): GatewayResponse {
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
