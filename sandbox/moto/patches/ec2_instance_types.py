"""EC2's instance type descriptions keep one copy of each repeated part. Memory only: no AWS
behaviour changes.

moto parses the description of all ~1,400 instance types (vCPUs, memory, network, EBS, ...) when
EC2's models are first imported, for DescribeInstanceTypes and to check instance types: 9.4 MB of
dicts (tracemalloc), though most parts recur in hundreds of types (the same "EbsInfo",
"PlacementGroupInfo", "SupportedUsageClasses", ...). Here equal parts of the descriptions become one
shared object: 2.6 MB, the same data, 40 ms more on the first EC2 call. moto only reads these dicts;
an InstanceType copies its description's top level, so they are made again from the shared parts."""
import json

from patches._when_imported import when_imported
from patches._targets import expect


def _share_equal_parts(module):
    shared = {}
    for description in module.INSTANCE_TYPES.values():
        for field, value in description.items():
            description[field] = shared.setdefault(json.dumps(value), value)
    module.InstanceTypeBackend.instance_types = list(map(module.InstanceType, module.INSTANCE_TYPES.keys()))


expect("moto.ec2.models.instance_types", "INSTANCE_TYPES", "InstanceType", "InstanceTypeBackend.instance_types")
when_imported("moto.ec2.models.instance_types", _share_equal_parts)
