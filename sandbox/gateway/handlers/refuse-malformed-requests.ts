// Bodies and calls AWS refuses with a 400 of its own, checked before any rule or the backend reads
// them: moto would otherwise fail with a 500 (a parse error deep in its code), or worse, accept
// them (a CreateCluster with a broken body made a cluster named "default", an unparsable bucket
// policy was stored). The learner gets the error the real service would give.
import { XMLValidator } from 'fast-xml-parser';
import { awsError } from '../aws-error.ts';
import { identifyOperation, type Operation } from '../operation.ts';
import type { Exchange, GatewayResponse, RequestHandler } from '../types.ts';
import { textOf } from '../bytes.ts';

/** The services the sandbox answers: the course's, and those moto serves that learners reach for
 *  next. Any other signing name has no endpoint here, as an unknown endpoint has none on AWS. */
export const supportedServices = new Set([
  'ec2', 's3', 'iam', 'sts', 'lambda', 'ecs', 'eks', 'elasticloadbalancing', 'autoscaling', 'logs',
  'monitoring', 'dynamodb', 'sqs', 'sns', 'ssm', 'kms', 'events', 'ecr', 'secretsmanager', 'cloudformation',
]);

/** S3 calls whose body is an XML document (PutObject's body is the learner's data, never parsed). */
const s3XmlSubresources = ['website', 'lifecycle', 'notification', 'publicAccessBlock', 'versioning', 'tagging', 'cors', 'delete', 'acl', 'encryption', 'ownershipControls', 'replication', 'logging'];

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return !!value && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function malformedJson(operation: Operation): GatewayResponse {
  if (operation.service === 'lambda') return awsError('rest-json', 400, 'InvalidRequestContentException', 'Could not parse request body into json: the body must be a JSON object.');
  if (operation.protocol === 'rest-json') return awsError('rest-json', 400, 'BadRequestException', 'The request body is not a valid JSON object.');
  return awsError('json', 400, 'SerializationException', 'Start of structure or map found where not expected, or the body is not JSON.');
}

function checkS3(exchange: Exchange): GatewayResponse | undefined {
  const { method, query, body } = exchange.request;
  if ((method !== 'PUT' && method !== 'POST') || body.length === 0) return undefined;
  const text = textOf(body);
  if (query.has('policy')) {
    return isJsonObject(text) ? undefined : awsError('rest-xml', 400, 'MalformedPolicy', 'Policies must be valid JSON and the first byte must be \'{\'');
  }
  const xmlBody = s3XmlSubresources.some((name) => query.has(name)) || (method === 'PUT' && !exchange.operation?.key);
  if (xmlBody && XMLValidator.validate(text) !== true) {
    return awsError('rest-xml', 400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  }
  return undefined;
}

/** IAM policy documents arrive as form fields; AWS parses them before anything else. */
function checkPolicyDocuments(operation: Operation): GatewayResponse | undefined {
  for (const [name, value] of operation.form ?? []) {
    if (!/PolicyDocument$/.test(name)) continue;
    if (!isJsonObject(value)) return awsError('query', 400, 'MalformedPolicyDocument', `The ${name} you gave is not valid JSON: a policy document is a JSON object.`);
  }
  return undefined;
}

export const refuseMalformedRequests: RequestHandler = (exchange) => {
  const operation = identifyOperation(exchange);
  const { method, body } = exchange.request;
  if (exchange.service && !supportedServices.has(exchange.service)) {
    return awsError(operation.protocol, 400, 'UnknownServiceException', `This sandbox does not emulate the service "${exchange.service}": it answers ${[...supportedServices].join(', ')}.`);
  }
  switch (operation.protocol) {
    case 'json':
    case 'rest-json':
      return body.length > 0 && !isJsonObject(textOf(body)) ? malformedJson(operation) : undefined;
    case 'query':
    case 'ec2':
      if (method === 'POST' && !operation.form?.get('Action')) return awsError(operation.protocol, 400, 'MissingAction', 'The request must contain the parameter Action.');
      return operation.service === 'iam' ? checkPolicyDocuments(operation) : undefined;
    case 'rest-xml':
      return checkS3(exchange);
  }
};
