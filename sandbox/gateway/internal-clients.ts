// SDK configuration for calls the gateway makes for itself (rules, website). They go through the
// gateway in the learner's own account, so they see exactly what the learner may see.
import type { GatewayContext } from './types.ts';

export function internalConfig(gateway: GatewayContext, account: string) {
  return {
    endpoint: gateway.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: 'infralabs-gateway' },
    forcePathStyle: true,
    maxAttempts: 1,
  };
}

/** The name of an SDK error, or undefined for success-like absence ("no such thing"). */
export function errorName(error: unknown): string {
  return (error as { name?: string }).name ?? 'Error';
}
