// AWS behaviour moto lacks, checked before the backend sees a call (rules/ holds one rule a file).
// The follow-ups AWS makes implicitly after a call succeeds run in applyAwsDefaults.
import { identifyOperation } from '../operation.ts';
import { ruleCall } from '../rules/rule.ts';
import { rulesFor } from '../rules/index.ts';
import type { RequestHandler, ResponseHandler } from '../types.ts';

export const enforceAwsRules: RequestHandler = async (exchange, gateway) => {
  const operation = identifyOperation(exchange);
  for (const rule of rulesFor(operation.service, operation.name)) {
    const refusal = await rule.check?.(ruleCall(exchange, operation, gateway));
    if (refusal) return refusal;
  }
  return undefined;
};

export const applyAwsDefaults: ResponseHandler = async (exchange, response, gateway) => {
  const operation = exchange.operation;
  if (!operation || response.status >= 300) return response;
  for (const rule of rulesFor(operation.service, operation.name)) {
    await rule.after?.(ruleCall(exchange, operation, gateway), response);
  }
  return response;
};
