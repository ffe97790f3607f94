// The sandbox's two questions about a bucket policy, answered by the one policy evaluator that the
// grader uses too (policy/): is it public under S3's rules for Block Public Access, and may an
// anonymous website visitor read this object.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
import { allows, type RequestContext } from '../../../policy/evaluate.ts';

export { isPublicPolicy } from '../../../policy/public.ts';

/** Whether an anonymous visitor of the website endpoint (plain HTTP, as website endpoints are) may
 *  GetObject this key under the policy: IAM's decision, an explicit Deny winning. `visitor` gives
 *  what the request tells of its sender (aws:Referer, aws:SourceIp, aws:UserAgent); a condition on
 *  a key it lacks fails, as on AWS for a request without it. */
export function allowsPublicRead(policyText: string, bucket: string, key: string, visitor: RequestContext = {}): boolean {
  return allows([policyText], {
    principal: { anonymous: true },
    action: 's3:GetObject',
    resource: `arn:aws:s3:::${bucket}/${key}`,
    context: { ...visitor, 'aws:SecureTransport': false },
  });
}
