"""A service's region list worked out once, without keeping botocore's model of the service.
Memory only: no AWS behaviour changes.

When an account first uses a service, moto lists the service's regions with botocore's
Session.get_available_regions, which reads the service's whole API model just for its endpoint
prefix, and botocore's loader keeps that model for good: for EC2 ~22 MB of parsed JSON (measured
with tracemalloc), a second copy beside the one moto parses itself to read requests and write
responses. The list depends only on the service, not the account, but moto remembered it per
account (an lru_cache keyed on each account's backend, which also kept up to 128 accounts' backends
alive after they were reset). Here it is computed once per service, then the model is dropped from
the loader's cache (or, should a botocore release rename what that needs, the whole session, which
the next service's first account then builds again at ~0.3 s)."""
import threading

from moto.core.base_backend import AccountSpecificBackend

_generate_regions = AccountSpecificBackend._generate_regions.__wrapped__  # without moto's lru_cache
_regions = {}
_lock = threading.Lock()


def _forget_service_models():
    try:
        cache = AccountSpecificBackend.get_session()._session.get_component("data_loader")._cache
        for key in [key for key in cache if key[0] == "load_service_model"
                    or (key[0] == "load_data_with_path" and key[1].endswith("/service-2"))]:
            del cache[key]
    except (AttributeError, TypeError, IndexError):
        AccountSpecificBackend.get_session.cache_clear()


def generate_regions(self, service_name):
    regions = _regions.get(service_name)
    if regions is None:
        with _lock:
            regions = _regions.get(service_name)
            if regions is None:
                try:
                    regions = _generate_regions(self, service_name)
                finally:
                    _forget_service_models()
                _regions[service_name] = regions
    return list(regions)


AccountSpecificBackend._generate_regions = generate_regions
