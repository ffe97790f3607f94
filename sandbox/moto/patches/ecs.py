"""ECS as AWS does it for the labs (see sandbox/FIDELITY.md):

- an awsvpc service or task without securityGroups gets the VPC's default security group
  (moto raises KeyError: 'securityGroups', an HTTP 500);
- Fargate tasks whose containers set no memory use the task-level memory (moto adds None to an
  int and fails);
- RunTask with the EC2 launch type on a cluster without container instances is
  InvalidParameterException (moto raises a bare Exception, an HTTP 500);
- a Fargate service runs its desired count at once (moto: 0 running, deployment IN_PROGRESS);
- RunTask tasks stay RUNNING instead of moving one state further on every describe;
- a bare family (DescribeTaskDefinition, CreateService, RunTask, ...) means its latest ACTIVE
  revision (moto took the latest, even when it was deregistered), and a deregistered (INACTIVE)
  revision cannot start new tasks or services, nor become a service's task definition
  (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html,
  https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html).
  Services and tasks already running on a revision that is deregistered later keep running;
  UpdateService records the revision a bare family resolves to, not the family."""
import inspect

from moto.moto_api import state_manager

from patches._when_imported import when_imported
from patches._targets import expect


def _with_default_security_group(account_id, region_name, network_configuration):
    if not network_configuration:
        return network_configuration
    awsvpc = network_configuration.get("awsvpcConfiguration") or {}
    if awsvpc.get("securityGroups") or not awsvpc.get("subnets"):
        return network_configuration
    from moto.ec2.models import ec2_backends

    ec2 = ec2_backends[account_id][region_name]
    try:
        vpc_id = ec2.get_subnet(awsvpc["subnets"][0]).vpc_id
    except Exception:
        return network_configuration  # unknown subnet: moto reports it itself
    groups = ec2.describe_security_groups(filters={"vpc-id": [vpc_id], "group-name": ["default"]})
    filled = dict(awsvpc, securityGroups=[groups[0].id] if groups else [])
    return dict(network_configuration, awsvpcConfiguration=filled)


_original = {}


def _validate_network(self, nc):
    return _original["validate"](self, _with_default_security_group(self._account_id, self.region_name, nc))


def _task_init_with_default_group(self, cluster, task_definition, *args, **kwargs):
    if kwargs.get("networking_configuration"):
        kwargs["networking_configuration"] = _with_default_security_group(
            backend_account(kwargs.get("backend")), cluster.region_name, kwargs["networking_configuration"])
    _original["task_init"](self, cluster, task_definition, *args, **kwargs)


def backend_account(backend):
    return getattr(backend, "account_id", None)


class _TaskLevelMemory:
    """A task definition whose containers fall back to the task-level cpu and memory."""

    def __init__(self, task_definition):
        containers = task_definition.container_definitions
        share = int(task_definition.memory or 0) // max(len(containers), 1)
        self.container_definitions = [
            c if (c.get("memory") or c.get("memoryReservation") or c.get("Memory") or c.get("MemoryReservation"))
            else dict(c, memory=share)
            for c in containers
        ]


def _calculate_task_resource_requirements(task_definition):
    return _original["calculate"](_TaskLevelMemory(task_definition))


def _run_task(self, *args, **kwargs):
    try:
        return _original["run_task"](self, *args, **kwargs)
    except Exception as error:
        # moto raises a bare Exception (HTTP 500); AWS answers InvalidParameterException.
        if type(error) is Exception and str(error).startswith("No instances found in cluster"):
            from moto.ecs.exceptions import InvalidParameterException

            raise InvalidParameterException("No Container Instances were found in your cluster.")
        raise


def _service_init(self, *args, **kwargs):
    _original["service_init"](self, *args, **kwargs)
    fargate = self.launch_type == "FARGATE" or any(
        (item.get("capacityProvider") or "").startswith("FARGATE") for item in (getattr(self, "capacity_provider_strategy", None) or []))
    if not fargate:
        return
    # Fargate needs no container instances: the service's tasks start at once.
    self.running_count, self.pending_count = self.desired_count, 0
    for deployment in self.deployments:
        deployment.update(runningCount=self.desired_count, pendingCount=0, rolloutState="COMPLETED",
                          rolloutStateReason=f"ECS deployment {deployment['id']} completed.")


def _describe_task_definition(self, task_definition_str):
    name = (task_definition_str or "").split("/")[-1]
    if ":" not in name:
        active = [revision for revision, definition in self.task_definitions.get(name, {}).items() if definition.status == "ACTIVE"]
        if not active:
            from moto.ecs.exceptions import TaskDefinitionNotFoundException

            raise TaskDefinitionNotFoundException()
        task_definition_str = f"{name}:{max(active)}"
    return _original["describe_task_definition"](self, task_definition_str)


def _refuse_inactive(backend, task_definition_str):
    """AWS's ClientException for a named revision that is deregistered; a bare family resolves
    to an ACTIVE revision (or to none) in describe_task_definition."""
    if task_definition_str and ":" in task_definition_str.split("/")[-1]:
        if backend.describe_task_definition(task_definition_str).status == "INACTIVE":
            from moto.ecs.exceptions import EcsClientException

            raise EcsClientException("TaskDefinition is inactive")


def _refusing_inactive(method_name):
    original = _original[f"before-inactive-check:{method_name}"]
    # moto's own signature, for the parameter's position (run_task is wrapped with *args already).
    parameters = inspect.signature(_original.get(method_name, original)).parameters

    def wrapper(self, *args, **kwargs):
        if method_name == "update_service":
            properties = args[0] if args else kwargs["service_properties"]
            if properties.get("task_definition"):
                _refuse_inactive(self, properties["task_definition"])
                # ECS records the revision a family resolves to (moto kept the bare family).
                properties["task_definition"] = self.describe_task_definition(properties["task_definition"]).arn
        else:
            bound = inspect.Signature(list(parameters.values())).bind_partial(self, *args, **kwargs)
            _refuse_inactive(self, bound.arguments.get("task_definition_str"))
        return original(self, *args, **kwargs)

    return wrapper


def _patch(ecs_models):
    backend = ecs_models.EC2ContainerServiceBackend
    _original["describe_task_definition"] = backend.describe_task_definition
    backend.describe_task_definition = _describe_task_definition
    _original["service_init"] = ecs_models.Service.__init__
    ecs_models.Service.__init__ = _service_init
    _original["run_task"] = ecs_models.EC2ContainerServiceBackend.run_task
    ecs_models.EC2ContainerServiceBackend.run_task = _run_task
    _original["validate"] = ecs_models.Service._validate_network
    _original["task_init"] = ecs_models.Task.__init__
    _original["calculate"] = ecs_models.EC2ContainerServiceBackend._calculate_task_resource_requirements
    ecs_models.Service._validate_network = _validate_network
    ecs_models.Task.__init__ = _task_init_with_default_group
    ecs_models.EC2ContainerServiceBackend._calculate_task_resource_requirements = staticmethod(_calculate_task_resource_requirements)
    # After run_task is wrapped above: the check comes first, then the rest of the patched call.
    for method_name in ("create_service", "run_task", "start_task", "update_service"):
        _original[f"before-inactive-check:{method_name}"] = getattr(backend, method_name)
        setattr(backend, method_name, _refusing_inactive(method_name))


expect("moto.ecs.models", "Service.__init__", "Service._validate_network", "Task.__init__", "EC2ContainerServiceBackend.run_task",
       "EC2ContainerServiceBackend._calculate_task_resource_requirements", "EC2ContainerServiceBackend.describe_task_definition",
       "EC2ContainerServiceBackend.create_service", "EC2ContainerServiceBackend.start_task", "EC2ContainerServiceBackend.update_service")
when_imported("moto.ecs.models", _patch)
state_manager.set_transition(model_name="ecs::task", transition={"progression": "manual", "times": 1_000_000})
