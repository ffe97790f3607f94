import type { Backend } from '../backend.ts';
import type { Operation } from './operation.ts';
import type { AccessRules } from './access.ts';
import type { Credentials } from './credentials.ts';
import type { Warming } from './warm-accounts.ts';

export interface GatewayRequest {
  method: string;
  /** Path without the query string, as sent (percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** The raw query string without '?', forwarded unchanged. */
  search: string;
  /** Lower-case header names, as Node parses them. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  /** The sender's IP address as the connection shows it (IPv4 without its ::ffff: prefix). */
  remoteAddress?: string;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Uint8Array | string;
}

/** A request as the backend gets it: the account is in its headers (x-moto-account-id, or the
 *  access key id of the credential scope for other backends). */
export interface BackendRequest {
  method: string;
  path: string;
  /** The raw query string without '?'. */
  search: string;
  headers: Record<string, string | string[]>;
  body: Uint8Array;
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Uint8Array;
}

/** One request on its way through the chain; handlers may annotate it. */
export interface Exchange {
  request: GatewayRequest;
  /** The 12-digit account, set by resolveAccount. */
  account: string;
  /** The signing service from the SigV4 credential scope (s3, ec2, lambda, ...), if signed. */
  service?: string;
  /** What AWS call this is, set by enforceAwsRules (see operation.ts). */
  operation?: Operation;
  /** One of the gateway's own calls (aws-api.ts), which skip the host check and a class's
   *  signature check. Set only by the in-process caller, never from anything a request carries. */
  internal?: true;
}

/** Runs Lambda functions for a backend that cannot run them (moto). The Node host's runs them in
 *  child processes (lambda/invoke-lambda.ts); a host without one passes Invoke to the backend. */
export interface LambdaRunner {
  /** Answers Invoke; passes every other call on (it may watch them). */
  handle: RequestHandler;
  /** Invokes as Invoke with InvocationType Event would (S3 event notifications): 202 once queued,
   *  errors in Lambda's shape. `traceHeader` becomes the invocation's _X_AMZN_TRACE_ID. */
  invokeAsynchronously(gateway: GatewayContext, account: string, region: string, functionNameOrArn: string, event: unknown, traceHeader?: string): Promise<GatewayResponse>;
  /** The account's functions (or every account's) changed where the runner could not see it (a reset). */
  functionsChanging(account?: string): void;
}

export interface GatewayContext {
  backend: Backend;
  /** The gateway's own URL, which Lambda handlers' SDK calls go to. (The gateway's own calls do
   *  not: they run through the chain in-process, aws-api.ts.) */
  endpoint: string;
  /** Runs Lambda functions (Invoke, S3 event notifications) when the backend's own runner is not used. */
  lambda?: LambdaRunner;
  log: (line: string) => void;
  /** The host names and browser origins the sandbox answers (access.ts). */
  access: AccessRules;
  /** A class's keys: when set, every AWS call must be signed with one (verify-signatures.ts). */
  credentials?: Credentials;
  /** A class's accounts being made ahead of the class (warm-accounts.ts). */
  warming?: Warming;
}

/** Answers the request (ending the chain) or returns undefined to pass it on. */
export type RequestHandler = (exchange: Exchange, gateway: GatewayContext) =>
  Promise<GatewayResponse | undefined> | GatewayResponse | undefined;

/** Sees every response, whoever produced it, and may replace it. */
export type ResponseHandler = (exchange: Exchange, response: GatewayResponse, gateway: GatewayContext) =>
  Promise<GatewayResponse> | GatewayResponse;
