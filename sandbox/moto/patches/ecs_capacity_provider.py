"""ECS services on capacity providers, as AWS keeps them (see sandbox/FIDELITY.md).

moto's CreateService ignores capacityProviderStrategy and records every service without a
launchType as EC2. AWS runs such a service on the strategy it was given, or else on the cluster's
default capacity provider strategy, reports that strategy in DescribeServices and no launchType.
(Added by the labs: lambda-vs-fargate accepts a FARGATE capacity provider instead of a launch type.)"""
from patches._when_imported import when_imported
from patches._targets import expect


def _patch(ecs_responses):
    original = ecs_responses.EC2ContainerServiceResponse.create_service

    def create_service(self):
        strategy = self._get_param("capacityProviderStrategy")
        launch_type = self._get_param("launchType")
        result = original(self)
        if launch_type:
            return result
        service = result.result["service"]
        if not strategy:
            cluster = self.ecs_backend._get_cluster(self._get_param("cluster", "default"))
            strategy = getattr(cluster, "default_capacity_provider_strategy", None)
        if strategy:
            service.launch_type = None
            service.capacity_provider_strategy = strategy
            for deployment in service.deployments:
                deployment.pop("launchType", None)
                deployment["capacityProviderStrategy"] = strategy
        return result

    ecs_responses.EC2ContainerServiceResponse.create_service = create_service


expect("moto.ecs.responses", "EC2ContainerServiceResponse.create_service")
when_imported("moto.ecs.responses", _patch)
