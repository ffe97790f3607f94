"""CreateLaunchTemplateVersion as AWS does it (see sandbox/FIDELITY.md):

- it takes UserData as CreateLaunchTemplate does: both calls take the same LaunchTemplateData,
  UserData base64-encoded. moto wrapped it only in CreateLaunchTemplate: a version made by
  CreateLaunchTemplateVersion kept a plain string, and launching from it (CreateAutoScalingGroup,
  RunInstances) failed an assertion (HTTP 500). Every version now gets the same wrapping where it
  is made, so bad base64 is AWS's InvalidUserData.Malformed in both calls;
- SourceVersion: the new version inherits the source version's parameters, except those given in
  LaunchTemplateData (moto ignored it, so a version that changed only UserData lost its image and
  instance type).
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html"""
import threading

from patches._when_imported import when_imported
from patches._targets import expect

_request = threading.local()


def _patch_models(module):
    from moto.core.types import Base64EncodedString
    from moto.ec2.utils import parse_user_data

    original = module.LaunchTemplate.create_version

    def create_version(self, data, description):
        data = dict(data or {})
        source = getattr(_request, "source_version", None)
        if source is not None and self.versions:
            data = {**self.get_version(source).data, **{key: value for key, value in data.items() if value is not None}}
        user_data = data.get("UserData")
        if user_data is not None and not isinstance(user_data, Base64EncodedString):
            data["UserData"] = parse_user_data(user_data)
        return original(self, data, description)

    module.LaunchTemplate.create_version = create_version


def _patch_responses(module):
    original = module.LaunchTemplates.create_launch_template_version

    def create_launch_template_version(self):
        _request.source_version = self._get_param("SourceVersion")
        try:
            return original(self)
        finally:
            _request.source_version = None

    module.LaunchTemplates.create_launch_template_version = create_launch_template_version


expect("moto.ec2.models.launch_templates", "LaunchTemplate.create_version")
expect("moto.ec2.responses.launch_templates", "LaunchTemplates.create_launch_template_version")
when_imported("moto.ec2.models.launch_templates", _patch_models)
when_imported("moto.ec2.responses.launch_templates", _patch_responses)
