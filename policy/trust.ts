// "Does this role's trust policy let service S assume it?": sts:AssumeRole by the service principal.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
// The grader does not know every key a service puts in its AssumeRole request (aws:SourceAccount,
// aws:SourceArn, ...), so a condition on a key it was not given counts as holding on an Allow
// and not on a Deny: a trust narrowed with conditions is still a trust.
import { allows, statementsOf, valuesOf, type RequestContext } from './evaluate.ts';

export function trustAllowsService(document: unknown, service: string, context: RequestContext = {}): boolean {
  return allows([document], { principal: { service }, action: 'sts:AssumeRole', context }, { lean: 'allow', missingKeys: 'unknown' });
}

/** The service principals a trust policy names in its Allow statements, for messages. */
export function trustedServices(document: unknown): string[] {
  return statementsOf(document)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => {
      const principal = statement.Principal;
      return typeof principal === 'object' && principal !== null ? valuesOf((principal as { Service?: unknown }).Service) : [];
    });
}
