// An error answer in the shape of Lambda's REST API, which every AWS SDK reads.
import type { GatewayResponse } from '../gateway/types.ts';

export function lambdaError(status: number, code: string, message: string, extra: Record<string, string> = {}): GatewayResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': crypto.randomUUID() },
    body: JSON.stringify({ Type: status >= 500 ? 'Service' : 'User', message, ...extra }),
  };
}
