"""Two lookups moto's server repeats for every request, remembered. Performance only: no AWS
behaviour changes. A CPU profile of moto while grading elb-asg and s3-website showed:

- The service of a request is found by matching "http://<host>" against the URL patterns of every
  service moto knows (hundreds of regular expressions), inside a lock that every request takes:
  about a tenth of moto's busy time, and the lock queued the grader's concurrent checks. The answer
  depends only on the host (such as ec2.us-east-1.amazonaws.com, inferred from the signature).
- Query-protocol services (EC2, IAM, ELB, Auto Scaling) list the methods of their response class
  with inspect.getmembers on every call, to see whether the action exists: another ~8%. The
  classes do not change once imported (patches change them as their module is imported)."""
import functools
import inspect

import moto.core.responses
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

_find_backend = DomainDispatcherApplication.get_backend_for_host
_backend_by_host = {}


def get_backend_for_host(self, host):
    backend = _backend_by_host.get(host)
    if backend is None:
        backend = _find_backend(self, host)
        if backend is not None and len(_backend_by_host) < 1000:
            _backend_by_host[host] = backend
    return backend


DomainDispatcherApplication.get_backend_for_host = get_backend_for_host


@functools.lru_cache(maxsize=None)
def method_names_from_class(clazz):
    # call_action only asks `action in method_names`: a frozenset answers at once.
    return frozenset(name for name, _ in inspect.getmembers(clazz, predicate=inspect.isfunction))


moto.core.responses.method_names_from_class = method_names_from_class
