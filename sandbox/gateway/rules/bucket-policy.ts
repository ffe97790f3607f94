// The sandbox's two questions about a bucket policy, answered by the one policy evaluator that the
// grader uses too (policy/): is it public under S3's rules for Block Public Access, and may an
// anonymous website visitor read this object.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
import { allows } from '../../../policy/evaluate.ts';

export { isPublicPolicy } from '../../../policy/public.ts';

/** Whether an anonymous visitor of the website endpoint (plain HTTP, as website endpoints are) may
 *  GetObject this key under the policy: IAM's decision, an explicit Deny winning. */
export function allowsPublicRead(policyText: string, bucket: string, key: string): boolean {
  return allows([policyText], {
    principal: { anonymous: true },
    action: 's3:GetObject',
    resource: `arn:aws:s3:::${bucket}/${key}`,
    context: { 'aws:SecureTransport': false },
  });
}
