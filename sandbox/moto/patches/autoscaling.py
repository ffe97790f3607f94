"""Auto Scaling as AWS does it (see sandbox/FIDELITY.md):

- instances are spread evenly over the Availability Zones of the group's subnets (moto puts
  every instance in the first subnet);
- an instance that is terminated outside the group (EC2 TerminateInstances) is replaced, and
  replacements are registered in the group's target groups while terminated ones are
  deregistered (moto registers only at creation);
- PutScalingPolicy returns the policy's PolicyARN."""
import threading

from patches._when_imported import when_imported
from patches._targets import expect

_busy = threading.local()


def _subnet_zones(group):
    subnet_ids = [s for s in (group.vpc_zone_identifier or "").split(",") if s]
    if not subnet_ids:
        return [(None, zone) for zone in group.availability_zones]
    subnets = group.autoscaling_backend.ec2_backend.describe_subnets(subnet_ids=subnet_ids)
    by_id = {subnet.id: subnet for subnet in subnets}
    return [(sid, by_id[sid].availability_zone) for sid in subnet_ids if sid in by_id]


def replace_autoscaling_group_instances(self, count_needed, propagated_tags):
    from moto.autoscaling.models import ASG_NAME_TAG, InstanceState

    propagated_tags[ASG_NAME_TAG] = self.name
    propagated_tags.update(self.instance_tags)
    placements = _subnet_zones(self)
    associate_public_ip = self.launch_config.associate_public_ip_address if self.launch_config else None
    launch_template = None
    if self.ec2_launch_template:
        if self.ec2_launch_template.id:
            launch_template = {"LaunchTemplateId": self.ec2_launch_template.id}
        elif self.ec2_launch_template.name:
            launch_template = {"LaunchTemplateName": self.ec2_launch_template.name}
    for _ in range(count_needed):
        # The zone with the fewest running instances of this group gets the next one.
        counts = {}
        for state in self.active_instances():
            zone = state.instance.placement.zone
            counts[zone] = counts.get(zone, 0) + 1
        subnet_id, zone = min(placements, key=lambda p: counts.get(p[1], 0)) if placements else (None, None)
        reservation = self.autoscaling_backend.ec2_backend.run_instances(
            self.image_id, 1, self.user_data, self.security_groups,
            instance_type=self.instance_type,
            tags={"instance": dict(propagated_tags)},
            placement=zone,
            launch_config=self.launch_config,
            launch_template=launch_template,
            is_instance_type_default=False,
            associate_public_ip=associate_public_ip,
            subnet_id=subnet_id,
        )
        for instance in reservation.instances:
            instance.autoscaling_group = self
            self.instance_states.append(InstanceState(instance, protected_from_scale_in=self.new_instances_protected_from_scale_in))


def update_attached_target_groups(self, group_name):
    _original["update_attached_target_groups"](self, group_name)
    group = self.autoscaling_groups[group_name]
    if not group.target_group_arns:
        return
    members = {state.instance.id for state in group.instance_states}
    for target_group in self.elbv2_backend.describe_target_groups(target_group_arns=group.target_group_arns, load_balancer_arn=None, names=None):
        gone = []
        for target_id in list(target_group.targets):
            instance = self.ec2_backend.get_instance_by_id(target_id) if str(target_id).startswith("i-") else None
            left_group = instance is not None and getattr(instance, "autoscaling_group", None) is group and target_id not in members
            if instance is not None and (instance.state == "terminated" or left_group):
                gone.append({"Id": target_id})
        if gone:
            self.elbv2_backend.deregister_targets(target_group.arn, gone)


def terminate_instances(self, instance_ids):
    result = _original["terminate_instances"](self, instance_ids)
    if getattr(_busy, "active", False):
        return result  # the group itself is terminating: it keeps its own books
    _busy.active = True
    try:
        for instance, _previous in result:
            group = getattr(instance, "autoscaling_group", None)
            if group is None or instance.id not in {s.instance.id for s in group.instance_states}:
                continue
            # The group's health check finds the instance gone and launches a replacement.
            group.instance_states = [s for s in group.instance_states if s.instance.id != instance.id]
            group.set_desired_capacity(group.desired_capacity)
    finally:
        _busy.active = False
    return result


def set_desired_capacity(self, new_capacity):
    previous = getattr(_busy, "active", False)
    _busy.active = True
    try:
        _original["set_desired_capacity"](self, new_capacity)
    finally:
        _busy.active = previous
    if self.name in self.autoscaling_backend.autoscaling_groups:
        self.autoscaling_backend.update_attached_target_groups(self.name)


_original = {}


def _patch_autoscaling(models):
    _original["set_desired_capacity"] = models.FakeAutoScalingGroup.set_desired_capacity
    _original["update_attached_target_groups"] = models.AutoScalingBackend.update_attached_target_groups
    models.FakeAutoScalingGroup.replace_autoscaling_group_instances = replace_autoscaling_group_instances
    models.FakeAutoScalingGroup.set_desired_capacity = set_desired_capacity
    models.AutoScalingBackend.update_attached_target_groups = update_attached_target_groups


def _patch_instances(instances):
    _original["terminate_instances"] = instances.InstanceBackend.terminate_instances
    instances.InstanceBackend.terminate_instances = terminate_instances


def _patch_responses(responses):
    put_scaling_policy = responses.AutoScalingResponse.put_scaling_policy

    def put_scaling_policy_with_arn(self):
        # moto answers "PolicyArn", which the protocol drops; AWS's field is PolicyARN.
        answer = put_scaling_policy(self)
        answer._result = {"PolicyARN": answer.result["PolicyArn"], "Alarms": []}
        return answer

    responses.AutoScalingResponse.put_scaling_policy = put_scaling_policy_with_arn


expect("moto.autoscaling.models", "FakeAutoScalingGroup.replace_autoscaling_group_instances", "FakeAutoScalingGroup.set_desired_capacity", "AutoScalingBackend.update_attached_target_groups")
expect("moto.autoscaling.responses", "AutoScalingResponse.put_scaling_policy")
expect("moto.ec2.models.instances", "InstanceBackend.terminate_instances")
when_imported("moto.autoscaling.models", _patch_autoscaling)
when_imported("moto.autoscaling.responses", _patch_responses)
when_imported("moto.ec2.models.instances", _patch_instances)
