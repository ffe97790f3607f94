"""AWS managed policies, created in an account when first used instead of all at account start.

With MOTO_IAM_LOAD_MANAGED_POLICIES moto builds all ~1,400 AWS managed policies (4.7 MB of JSON
parsed again) in every account on its first IAM call: seconds of latency and ~5 MB per account.
Here a policy is materialised in an account when a call
names its ARN (attach/detach, GetPolicy, GetPolicyVersion, ListPolicyVersions). ListPolicies
with Scope=AWS lists only the policies the account has used (see sandbox/FIDELITY.md)."""
import functools
import json

from patches._when_imported import when_imported
from patches._targets import expect

_decoder = json.JSONDecoder()


def _aws_policy(policy_arn):
    """(name, data) of an AWS managed policy, decoded alone from moto's JSON text, or None.

    Only the one policy is parsed: keeping all of them parsed would cost more memory than
    the per-account copies this patch avoids."""
    from moto.iam.aws_managed_policies import aws_managed_policies_data as text

    prefix = "arn:aws:iam::aws:policy/"
    if not policy_arn.startswith(prefix):
        return None
    name = policy_arn.rsplit("/", 1)[-1]
    at = text.find(f'\n "{name}":{{')
    if at == -1:
        return None
    data, _end = _decoder.raw_decode(text, text.index("{", at))
    if f"arn:aws:iam::aws:policy{data.get('Path', '/')}{name}" != policy_arn:
        return None
    return name, data


def _materialise(backend, policy_arn):
    if not isinstance(policy_arn, str) or policy_arn in backend.managed_policies:
        return
    entry = _aws_policy(policy_arn)
    if entry is None:
        return
    from moto.iam.models import AWSManagedPolicy

    policy = AWSManagedPolicy.from_data(entry[0], backend.account_id, backend.region_name, entry[1])
    backend.aws_managed_policies.append(policy)
    backend.managed_policies[policy.arn] = policy


def _on_demand(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        _materialise(self, kwargs.get("policy_arn", args[0] if args else None))
        return method(self, *args, **kwargs)

    return wrapper


_ON_DEMAND = ("attach_role_policy", "detach_role_policy", "attach_group_policy", "detach_group_policy",
              "attach_user_policy", "detach_user_policy", "get_policy", "get_policy_version", "list_policy_versions")


def _patch(models):
    models.IAMBackend._init_aws_policies = lambda self: []
    for name in _ON_DEMAND:
        setattr(models.IAMBackend, name, _on_demand(getattr(models.IAMBackend, name)))


expect("moto.iam.models", "IAMBackend._init_aws_policies", *(f"IAMBackend.{name}" for name in _ON_DEMAND))
when_imported("moto.iam.models", _patch)
