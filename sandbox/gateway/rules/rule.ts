// An AWS behaviour moto lacks, restored in the gateway through the backend's own API, so it
// holds for any backend. Each rule lists the calls it watches (`service:Operation`).
import { awsError } from '../aws-error.ts';
import type { Operation } from '../operation.ts';
import type { Exchange, GatewayContext, GatewayResponse } from '../types.ts';

export interface RuleCall {
  exchange: Exchange;
  operation: Operation;
  gateway: GatewayContext;
  account: string;
  /** An error in the caller's protocol; status 400 unless given. */
  refuse(code: string, message: string, status?: number): GatewayResponse;
}

export interface AwsRule {
  /** `service:Operation` names, the service being the SigV4 signing name. */
  watches: string[];
  /** Before the backend sees the call: a response answers it instead of the backend (a refusal,
   *  or the gateway's own answer to a call the backend lacks); undefined lets it pass. */
  check?(call: RuleCall): Promise<GatewayResponse | undefined> | GatewayResponse | undefined;
  /** After the backend answered it with success: follow-up calls AWS makes implicitly. */
  after?(call: RuleCall, response: GatewayResponse): Promise<void>;
}

export function ruleCall(exchange: Exchange, operation: Operation, gateway: GatewayContext): RuleCall {
  return {
    exchange,
    operation,
    gateway,
    account: exchange.account,
    refuse: (code, message, status = 400) => awsError(operation.protocol, status, code, message),
  };
}
