// How large a request body the sandbox reads, per call, with the error AWS gives past it. The
// gateway holds a body in memory while rules look at it, so without a cap one request could take
// the machine's memory. Lambda's caps are AWS's; S3's and the rest are the sandbox's own (a lab
// never comes near them), documented in sandbox/SECURITY.md.
import { awsError } from './aws-error.ts';
import { identifyOperation } from './operation.ts';
import type { GatewayRequest, GatewayResponse } from './types.ts';
import { noBytes } from './bytes.ts';

const MiB = 1024 * 1024;

export interface BodyLimit {
  maxBytes: number;
  /** The answer when the body is larger. */
  tooLarge(): GatewayResponse;
}

// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html: invocation payload 6 MB
// (synchronous); deployment package 50 MB zipped for direct upload, which is base64 in a JSON body.
const invokePath = /^\/(2015-03-31\/functions\/[^/]+\/invocations|2014-11-13\/functions\/[^/]+\/invoke-async)\/?$/;
const codePath = /^\/2015-03-31\/functions(\/[^/]+\/code)?\/?$/;
const invokeLimit = 6 * MiB;
const codeLimit = Math.ceil((50 * MiB) / 3) * 4 + 1; // 69905067, the figure in AWS's own error
/** The sandbox's cap on one S3 request (AWS allows 5 GB in one PUT). */
export const s3Limit = 100 * MiB;
/** Everything else: IAM policies, EC2 user data and the like are a few KB. */
const otherLimit = 16 * MiB;

export function bodyLimit(request: GatewayRequest): BodyLimit {
  const { protocol, service } = identifyOperation({ request: { ...request, body: noBytes }, account: '' });
  const { method, path } = request;
  if (service === 'lambda' && method === 'POST' && invokePath.test(path)) {
    return { maxBytes: invokeLimit, tooLarge: () => awsError('rest-json', 413, 'RequestTooLargeException', `Request must be smaller than ${invokeLimit} bytes for the Invoke operation`) };
  }
  if (service === 'lambda' && (method === 'POST' || method === 'PUT') && codePath.test(path)) {
    const operation = method === 'POST' ? 'CreateFunction' : 'UpdateFunctionCode';
    return { maxBytes: codeLimit, tooLarge: () => awsError('rest-json', 413, 'RequestEntityTooLargeException', `Request must be smaller than ${codeLimit} bytes for the ${operation} operation`) };
  }
  if (protocol === 'rest-xml') {
    return { maxBytes: s3Limit, tooLarge: () => awsError('rest-xml', 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size: this sandbox takes at most ${s3Limit} bytes in one request (use a multipart upload for more).`) };
  }
  return { maxBytes: otherLimit, tooLarge: () => awsError(protocol, 413, 'RequestEntityTooLarge', `Request must be smaller than ${otherLimit} bytes for ${service} in this sandbox.`) };
}
