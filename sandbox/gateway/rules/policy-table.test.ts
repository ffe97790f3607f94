// The policy table of policy/ through the sandbox's entry points: the Block Public Access rule's
// "is it public", the website's "may an anonymous visitor read it", and the S3 notification rule's
// "may S3 invoke the function" (the rows whose request has that shape).
import { describe, expect, it } from 'vitest';
import { policyTable } from '../../../policy/policy-table.ts';
import { allowsPublicRead, isPublicPolicy } from './bucket-policy.ts';
import { s3MayInvoke } from './s3-event-notifications.ts';

const text = (policy: unknown) => JSON.stringify(policy);

describe('the policy table, through the sandbox', () => {
  for (const row of policyTable) {
    const { question } = row;
    if (question.kind === 'public') {
      it(`Block Public Access: ${row.name} (${row.source})`, () => expect(isPublicPolicy(text(row.policy))).toBe(question.expected));
      continue;
    }
    if (question.kind !== 'request' || question.options) continue;
    const { principal, action, resource, context = {} } = question.request;
    const website = principal && 'anonymous' in principal && action === 's3:GetObject' && typeof resource === 'string'
      && Object.entries(context).every(([key, value]) => key === 'aws:SecureTransport' && value === false);
    if (website) {
      const [, bucket, key] = /^arn:aws:s3:::([^/]+)\/(.*)$/.exec(resource)!;
      it(`website read: ${row.name} (${row.source})`, () => expect(allowsPublicRead(text(row.policy), bucket!, key!)).toBe(question.expected === 'allow'));
    }
    if (principal && 'service' in principal && principal.service === 's3.amazonaws.com' && action === 'lambda:InvokeFunction' && typeof resource === 'string') {
      const bucket = String(context['aws:SourceArn']).replace('arn:aws:s3:::', '');
      const account = String(context['aws:SourceAccount']);
      it(`S3 notification: ${row.name} (${row.source})`, () => expect(s3MayInvoke(text(row.policy), resource, bucket, account)).toBe(question.expected === 'allow'));
    }
  }

  it('runs rows of every kind the sandbox asks about', () => {
    const names = policyTable.map((row) => row.name);
    expect(names.length).toBeGreaterThan(40);
  });
});
