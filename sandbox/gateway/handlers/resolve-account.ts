// One account per 12-digit access key id (LocalStack's convention); any other key is 000000000000.
// moto would let a client pick any account with x-moto-account-id: that header is never trusted.
import type { RequestHandler } from '../types.ts';

export const defaultAccount = '000000000000';
const credentialPattern = /Credential=([^/,\s]+)\/\d{8}\/[^/]+\/([^/]+)\//;

export const resolveAccount: RequestHandler = (exchange) => {
  const { headers, query } = exchange.request;
  delete headers['x-moto-account-id'];
  const authorization = String(headers['authorization'] ?? '');
  const scope = credentialPattern.exec(authorization) ?? credentialPattern.exec(`Credential=${query.get('X-Amz-Credential') ?? ''},`);
  const accessKeyId = scope?.[1] ?? '';
  exchange.account = /^\d{12}$/.test(accessKeyId) ? accessKeyId : defaultAccount;
  exchange.service = scope?.[2];
  return undefined;
};
