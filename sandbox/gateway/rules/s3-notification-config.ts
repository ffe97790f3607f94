// A bucket's Lambda notification configurations, read from the NotificationConfiguration XML
// (as sent to PutBucketNotificationConfiguration and answered by GetBucketNotificationConfiguration),
// and which of them an event matches.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
import { parseXml } from '../aws-api.ts';

export interface LambdaNotification {
  id: string;
  functionArn: string;
  /** `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`, ... */
  events: string[];
  prefix: string;
  suffix: string;
}

/** An XML element that may appear once or many times, as a list. */
export const asArray = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]) as Record<string, unknown>[];

export function lambdaNotifications(xml: Uint8Array): LambdaNotification[] {
  const root = (parseXml(xml)['NotificationConfiguration'] ?? {}) as Record<string, unknown>;
  return asArray(root['CloudFunctionConfiguration']).map((entry) => {
    const rules = asArray((((entry['Filter'] ?? {}) as Record<string, unknown>)['S3Key'] as Record<string, unknown> | undefined)?.['FilterRule']);
    const rule = (name: string) => String(rules.find((r) => String(r['Name']).toLowerCase() === name)?.['Value'] ?? '');
    return {
      id: String(entry['Id'] ?? ''),
      functionArn: String(entry['CloudFunction'] ?? ''),
      events: asArray(entry['Event']).map(String),
      prefix: rule('prefix'),
      suffix: rule('suffix'),
    };
  });
}

/** `ObjectCreated:Put` matches `s3:ObjectCreated:Put` and `s3:ObjectCreated:*`; the key must
 *  start with the prefix and end with the suffix. */
export function matches(notification: LambdaNotification, eventName: string, key: string): boolean {
  const [kind] = eventName.split(':');
  const named = notification.events.some((event) => event === `s3:${eventName}` || event === `s3:${kind}:*`);
  return named && key.startsWith(notification.prefix) && key.endsWith(notification.suffix);
}
