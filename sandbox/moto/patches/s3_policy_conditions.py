"""Bucket-policy statements apply only when their Condition holds (see sandbox/FIDELITY.md).

moto 5.2.5 checks a bucket policy on object calls without a request context, and answers DENIED
for any statement whose Condition it cannot match, Allow statements included: a Deny conditioned
on aws:SecureTransport "false" (the usual "HTTPS only" rule) refused the owner's own reads, and so
did an Allow narrowed by aws:SourceIp.

The sandbox speaks plain HTTP on localhost, but the SDK talks HTTPS to AWS, so requests count as
secure transport: aws:SecureTransport is "true". That is the only key the sandbox knows; a
statement with a condition on any other key is not applied (neither Allow nor Deny), so a policy
the sandbox cannot evaluate never locks the learner out of their own bucket.
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html (enforce encryption in transit)"""
import fnmatch
import json

from patches._when_imported import when_imported
from patches._targets import expect

CONTEXT = {"aws:securetransport": "true"}


def _holds(operator, key, expected):
    """True/False when the sandbox can evaluate the condition, None when it cannot."""
    value = CONTEXT.get(key.lower())
    if value is None:
        return None
    if operator.startswith(("ForAnyValue:", "ForAllValues:")):
        return None
    if operator == "Null":
        return str(expected).lower() == "false"  # the key is present
    base = operator[:-len("IfExists")] if operator.endswith("IfExists") else operator
    values = [str(v) for v in (expected if isinstance(expected, list) else [expected])]
    if base == "Bool":
        return value in [v.lower() for v in values]
    if base in ("StringEquals", "StringNotEquals"):
        found = value in values
    elif base in ("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"):
        found = value.lower() in [v.lower() for v in values]
    elif base in ("StringLike", "StringNotLike"):
        found = any(fnmatch.fnmatchcase(value, v) for v in values)
    else:
        return None
    return not found if "Not" in base else found


def _applies(statement):
    for operator, block in (statement.get("Condition") or {}).items():
        for key, expected in (block or {}).items():
            if _holds(operator, key, expected) is not True:
                return False
    return True


def _patch(module):
    from moto.iam.access_control import IAMPolicy, PermissionResult

    def get_permission(self, action, resource):
        if self.policy is None:
            return PermissionResult.NEUTRAL
        try:
            policy = json.loads(self.policy.decode())
        except ValueError:
            return PermissionResult.NEUTRAL
        statements = policy.get("Statement") or []
        statements = statements if isinstance(statements, list) else [statements]
        # A statement whose condition holds applies unconditionally; the others do not apply.
        kept = [{k: v for k, v in s.items() if k != "Condition"} for s in statements if isinstance(s, dict) and _applies(s)]
        if not kept:
            return PermissionResult.NEUTRAL
        return IAMPolicy(json.dumps({**policy, "Statement": kept})).is_action_permitted(action, resource)

    module.FakeBucket.get_permission = get_permission


expect("moto.s3.models", "FakeBucket.get_permission")
when_imported("moto.s3.models", _patch)
