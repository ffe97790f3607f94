// AWS: S3 sends an event to each Lambda function a bucket's notification configuration names when
// an object is created or removed, asynchronously, after the call that caused it.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html
// Before accepting the configuration, S3 checks that the function's resource-based policy lets
// s3.amazonaws.com invoke it (AddPermission), else InvalidArgument.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html
// moto can invoke functions only with Docker, so the gateway delivers the events and runs the
// handlers; an event chain that keeps re-triggering itself stops as Lambda's recursive loop
// detection stops it. Whenever the host's runner serves the backend (gateway.lambda), the
// gateway delivers; otherwise both are that backend's business.
import { AwsApiError, callAws, parseXml, s3Api } from '../aws-api.ts';
import { textOf } from '../bytes.ts';
import type { GatewayResponse, LambdaRunner } from '../types.ts';
import { signedRegion } from '../../lambda/invoke-request.ts';
import { chainedTraceHeader, chainLength, maxChainedInvocations } from '../../lambda/trace-header.ts';
import { allows } from '../../../policy/evaluate.ts';
import { asArray, lambdaNotifications, matches, type LambdaNotification } from './s3-notification-config.ts';
import type { AwsRule, RuleCall } from './rule.ts';

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** S3 URL-encodes the key in an event as a form would (a space is `+`, `=` is `%3D`) but leaves
 *  its slashes alone, whatever the documentation's "URL encoded" suggests (moto encoded them). */
function eventKey(key: string): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return key.split('/').map(encode).join('/');
}

// --- PutBucketNotificationConfiguration: every Lambda destination must accept S3's invocations.

/** Whether a function's resource-based policy lets S3 invoke it for this bucket: the request S3
 *  makes carries the bucket's ARN and the bucket owner's account as aws:SourceArn and
 *  aws:SourceAccount, so a policy limited to another bucket or account does not let it in. */
export function s3MayInvoke(policy: string, functionArn: string, bucket: string, account: string): boolean {
  return allows([policy], {
    principal: { service: 's3.amazonaws.com' },
    action: 'lambda:InvokeFunction',
    resource: functionArn,
    context: { 'aws:SourceArn': `arn:aws:s3:::${bucket}`, 'aws:SourceAccount': account },
  });
}

async function acceptsS3(call: RuleCall, functionArn: string, bucket: string): Promise<boolean> {
  try {
    const answer = await callAws(call.gateway, {
      account: call.account, service: 'lambda', method: 'GET',
      path: `/2015-03-31/functions/${encodeURIComponent(functionArn)}/policy`,
    });
    const policy = String(JSON.parse(textOf(answer.body)).Policy);
    return s3MayInvoke(policy, functionArn, bucket, call.account);
  } catch (error) {
    if (error instanceof AwsApiError || error instanceof SyntaxError) return false; // no function, no policy
    throw error;
  }
}

async function checkDestinations(call: RuleCall): Promise<GatewayResponse | undefined> {
  const bucket = call.operation.bucket ?? '';
  for (const notification of lambdaNotifications(call.exchange.request.body)) {
    if (!await acceptsS3(call, notification.functionArn, bucket)) {
      call.gateway.log(`S3 notification for ${bucket} refused: ${notification.functionArn} does not exist or its resource-based policy does not allow s3.amazonaws.com to invoke it (lambda AddPermission)`);
      return call.refuse('InvalidArgument', 'Unable to validate the following destination configurations');
    }
  }
  // Validated here, where the functions run: a backend that checks them itself by invoking them
  // (LocalStack does a DryRun) would refuse them, its own runner being unable to run any. S3's own
  // parameter for that (SkipDestinationValidation) tells it not to.
  if (call.gateway.backend.kind === 'external') call.exchange.request.headers['x-amz-skip-destination-validation'] = 'true';
  return undefined;
}

// --- After an object call: the events it caused, delivered to the matching functions.

interface ObjectEvent { name: string; key: string }

function objectEvents(call: RuleCall, response: GatewayResponse): ObjectEvent[] {
  const key = call.operation.key ?? '';
  switch (call.operation.name) {
    case 'PutObject': return [{ name: 'ObjectCreated:Put', key }];
    case 'CopyObject': return [{ name: 'ObjectCreated:Copy', key }];
    case 'CompleteMultipartUpload': return [{ name: 'ObjectCreated:CompleteMultipartUpload', key }];
    case 'DeleteObject':
      return [{ name: text(response.headers['x-amz-delete-marker']) === 'true' && !call.exchange.request.query.has('versionId') ? 'ObjectRemoved:DeleteMarkerCreated' : 'ObjectRemoved:Delete', key }];
    case 'DeleteObjects': {
      const result = (parseXml(response.body)['DeleteResult'] ?? {}) as Record<string, unknown>;
      return asArray(result['Deleted']).map((entry) => ({ name: String(entry['DeleteMarker']) === 'true' ? 'ObjectRemoved:DeleteMarkerCreated' : 'ObjectRemoved:Delete', key: String(entry['Key']) }));
    }
    default: return [];
  }
}

let sequence = 0;

async function eventRecord(call: RuleCall, event: ObjectEvent, notification: LambdaNotification, response: GatewayResponse, region: string) {
  const bucket = call.operation.bucket ?? '';
  const object: Record<string, unknown> = { key: eventKey(event.key) };
  if (event.name.startsWith('ObjectCreated')) {
    // Read back, since a copy or a multipart upload does not say its size; an object deleted
    // again meanwhile still gets its event, without them.
    const head = await s3Api(call.gateway, call.account, 'HEAD', bucket, { key: event.key }).catch(() => undefined);
    if (head) {
      object['size'] = Number(head.headers['content-length'] ?? 0);
      object['eTag'] = (head.headers['etag'] ?? '').replace(/"/g, '');
      if (head.headers['x-amz-version-id']) object['versionId'] = head.headers['x-amz-version-id'];
    }
  }
  object['sequencer'] = (++sequence).toString(16).toUpperCase().padStart(18, '0');
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: new Date().toISOString(),
    eventName: event.name,
    userIdentity: { principalId: `AWS:${call.account}` },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': text(response.headers['x-amz-request-id']), 'x-amz-id-2': text(response.headers['x-amz-id-2']) },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: notification.id,
      bucket: { name: bucket, ownerIdentity: { principalId: call.account }, arn: `arn:aws:s3:::${bucket}` },
      object,
    },
  };
}

async function deliver(call: RuleCall, response: GatewayResponse, lambda: LambdaRunner): Promise<void> {
  const events = objectEvents(call, response);
  if (events.length === 0) return;
  const bucket = call.operation.bucket ?? '';
  let notifications: LambdaNotification[];
  try {
    notifications = lambdaNotifications((await s3Api(call.gateway, call.account, 'GET', bucket, { subresource: 'notification' })).body);
  } catch {
    return; // the bucket is gone again
  }
  const cause = text(call.exchange.request.headers['x-amzn-trace-id']) || undefined;
  const region = signedRegion(call.exchange.request) ?? 'us-east-1';
  for (const event of events) {
    for (const notification of notifications.filter((n) => matches(n, event.name, event.key))) {
      if (chainLength(cause) >= maxChainedInvocations) {
        call.gateway.log(`S3 event ${event.name} for s3://${bucket}/${event.key} not sent to ${notification.functionArn}: a recursive loop (the function's own writes trigger it again) stopped after ${maxChainedInvocations} invocations, as Lambda's recursive loop detection does. Give the notification a prefix the function does not write to.`);
        continue;
      }
      const record = await eventRecord(call, event, notification, response, region);
      const functionRegion = notification.functionArn.split(':')[3] || region;
      const answer = await lambda.invokeAsynchronously(call.gateway, call.account, functionRegion, notification.functionArn, { Records: [record] }, chainedTraceHeader(cause, notification.functionArn));
      if (answer.status !== 202) call.gateway.log(`S3 event for s3://${bucket}/${event.key} not delivered to ${notification.functionArn}: ${textOf(answer.body)}`);
    }
  }
}

export const s3EventNotifications: AwsRule = {
  watches: ['s3:PutBucketNotificationConfiguration', 's3:PutObject', 's3:CopyObject', 's3:CompleteMultipartUpload', 's3:DeleteObject', 's3:DeleteObjects'],
  check(call) {
    if (!call.gateway.lambda || call.operation.name !== 'PutBucketNotificationConfiguration') return undefined;
    return checkDestinations(call);
  },
  async after(call, response) {
    const { lambda } = call.gateway;
    if (!lambda || call.operation.name === 'PutBucketNotificationConfiguration') return;
    // Asynchronous, as on AWS: the caller's answer does not wait for the functions.
    deliver(call, response, lambda).catch((error: unknown) => call.gateway.log(`S3 event delivery for s3://${call.operation.bucket}/${call.operation.key ?? ''} failed: ${(error as Error).message}`));
  },
};
