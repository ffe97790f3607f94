"""moto's server routes a service's URLs without building a whole backend for the default account.
Memory only: no AWS behaviour changes.

On a service's first call, moto's create_backend_app builds the service's backend for account
123456789012 in us-east-1 only to read the URL paths it serves, which come from the backend's class
and its urls module. That account is not one the gateway ever sends (an unknown key is
000000000000), yet its backends stayed for good: for EC2 a default VPC, subnets and ~1,300 AMIs
with their snapshots (~4 MB by tracemalloc). Here, while an app is created, that lookup gets an
uninitialised instance of the backend class instead; the account's real backend is still built the
first time a request uses it. server.py passes this create_backend_app to its dispatcher."""
import threading

import moto.moto_server.werkzeug_app as werkzeug_app
from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.base_backend import AccountSpecificBackend

_create_backend_app = werkzeug_app.create_backend_app
_getitem = AccountSpecificBackend.__getitem__
_creating_app = threading.local()


def _region_backend(self, region_name):
    if getattr(_creating_app, "active", False) and self.account_id == DEFAULT_ACCOUNT_ID:
        existing = dict.get(self, "aws" if region_name == "global" else region_name)
        if existing is not None:
            return existing
        routing_only = self.backend.__new__(self.backend)  # flask_paths needs the class, not the state
        routing_only.region_name, routing_only.account_id = region_name, self.account_id
        return routing_only
    return _getitem(self, region_name)


def create_backend_app(service):
    _creating_app.active = True
    try:
        return _create_backend_app(service)
    finally:
        _creating_app.active = False


AccountSpecificBackend.__getitem__ = _region_backend
werkzeug_app.create_backend_app = create_backend_app
