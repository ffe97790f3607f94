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
  body: Buffer;
  /** The sender's IP address as the connection shows it (IPv4 without its ::ffff: prefix). */
  remoteAddress?: string;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | string;
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
}

export interface GatewayContext {
  backend: Backend;
  /** The gateway's own URL. Calls the gateway makes for itself go here, with the account's
   *  12-digit access key id, so every rule of the chain applies to them too. */
  endpoint: string;
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
