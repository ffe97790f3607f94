"""EC2 instance type offerings read per region when first needed, not every region at once.
Memory only: no AWS behaviour changes.

When EC2's models are first imported (a sandbox's first EC2 call), moto reads the instance types
offered in every region, by region, Availability Zone and zone id: 90 files, ~47 MB of parsed
dicts kept for the life of the process (measured with tracemalloc after every lab's flow), though
a learner works in one or two regions. RunInstances (to check the type and zone),
DescribeInstanceTypeOfferings and DescribeSpotPriceHistory read them as
INSTANCE_TYPE_OFFERINGS[location_type][region]; each region's list is now read from moto's own
file on that first lookup and kept, so every answer is the same as before."""
import threading
from collections.abc import Mapping

import moto.utilities.utils

from patches._when_imported import before_imported, when_imported
from patches._targets import expect

_MODULE = "moto.ec2.models.instance_types"
_load_resource = moto.utilities.utils.load_resource
_files = {}  # (location_type, region) -> the resource path moto would have read


class _Offerings(Mapping):
    """One location type's offerings by region, each region read on its first lookup."""

    def __init__(self, location_type, paths):
        self._location_type = location_type
        self._paths = paths
        self._loaded = {}
        self._lock = threading.Lock()

    def __getitem__(self, region):
        offerings = self._loaded.get(region)
        if offerings is None:
            path = self._paths[region]
            with self._lock:
                offerings = self._loaded.get(region)
                if offerings is None:
                    offerings = _load_resource(path)
                    for offering in offerings:  # as moto does after reading each file
                        offering["LocationType"] = self._location_type
                    self._loaded[region] = offerings
        return offerings

    def __iter__(self):
        return iter(self._paths)

    def __len__(self):
        return len(self._paths)


def _note_offerings_file(resource):
    parts = resource.split("/")
    if parts[:3] == ["ec2", "resources", "instance_type_offerings"]:
        _files[(parts[3], parts[4].split(".")[0])] = resource
        return []
    return _load_resource(resource)


def _defer(_module):
    moto.utilities.utils.load_resource = _note_offerings_file


def _install(module):
    moto.utilities.utils.load_resource = _load_resource
    module.load_resource = _load_resource
    offerings = module.INSTANCE_TYPE_OFFERINGS  # other modules import this dict: change it in place
    for location_type in list(offerings):
        paths = {region: path for (kind, region), path in _files.items() if kind == location_type}
        offerings[location_type] = _Offerings(location_type, paths)


expect(_MODULE, "load_resource")
before_imported(_MODULE, _defer)
when_imported(_MODULE, _install)
