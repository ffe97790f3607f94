// In a class (a roster's keys in gateway.credentials), every AWS call must carry a valid SigV4
// signature of a key on the roster, and acts in that key's account only: a student who knows a
// classmate's account id still lacks their secret. Unknown keys and bad signatures get AWS's
// errors. The gateway's own calls (exchange.internal, set in-process by aws-api.ts and never from
// a request) are exempt; without a roster nothing is checked, as AWS's SDKs sign with any secret
// on a learner's own machine.
import { awsError } from '../aws-error.ts';
import { identifyOperation } from '../operation.ts';
import type { RequestHandler } from '../types.ts';

/** S3 names these failures its own way. */
const s3Codes: Record<string, string> = {
  MissingAuthenticationToken: 'AccessDenied',
  IncompleteSignature: 'AuthorizationHeaderMalformed',
  InvalidClientTokenId: 'InvalidAccessKeyId',
  RequestExpired: 'AccessDenied',
};

export const verifySignatures: RequestHandler = async (exchange, { credentials }) => {
  if (!credentials || exchange.internal) return undefined;
  // Loaded only in a class: the signer is a sixth of the gateway's start-up otherwise.
  const { verifySignature } = await import('../signatures.ts');
  const verdict = await verifySignature(exchange.request, credentials.secretOf);
  if (verdict.ok) {
    exchange.account = verdict.accessKeyId;
    return undefined;
  }
  const { protocol } = identifyOperation(exchange);
  const code = protocol === 'rest-xml' ? s3Codes[verdict.code] ?? verdict.code : verdict.code;
  return awsError(protocol, 403, code, verdict.message);
};
