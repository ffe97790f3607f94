"""botocore's API models, as moto keeps them to read requests and write responses, without their
documentation and in plain dicts. Memory only: no AWS behaviour changes.

moto parses each service's model (shapes, operations, errors) on the service's first call and keeps
it for the life of the process. Measured with tracemalloc, EC2's is 14.5 MB, S3's 3.4 MB. Most of it
is the documentation text of every shape and operation, which neither moto nor botocore's request
parsing and serialization read, and OrderedDicts (botocore parses with object_pairs_hook=OrderedDict;
a plain dict keeps insertion order too and is about half the size). Shape names, types and keys
recur thousands of times, so they are interned. EC2's model becomes 5.1 MB, S3's 0.9 MB."""
import sys

import moto.core.utils

_load_service_model = moto.core.utils._load_service_model
_DOCUMENTATION = ("documentation", "documentationUrl")


def _compact(node):
    if isinstance(node, dict):
        return {sys.intern(key): _compact(value) for key, value in node.items()
                if not (key in _DOCUMENTATION and isinstance(value, str))}
    if isinstance(node, list):
        return [_compact(value) for value in node]
    if isinstance(node, str) and len(node) <= 64:
        return sys.intern(node)
    return node


def load_service_model(service_name, model_name):
    return _compact(_load_service_model(service_name, model_name))


moto.core.utils._load_service_model = load_service_model
