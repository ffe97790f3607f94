"""POST /_infralabs/reset {"account": "<12 digits>"} or {"all": true}.

moto can only reset everything (/moto-api/reset). A classroom sandbox and a test suite touch many
accounts, each costing memory, so one account's state is dropped from every service backend
(and its names from S3's global bucket registry), and the memory is given back."""
import ctypes
import gc
import itertools
import json

from moto.core.base_backend import BackendDict
from moto.core.model_instances import model_data
from moto.moto_api import _internal  # noqa: F401  (registers moto_api_backend)
from moto.moto_api._internal.models import moto_api_backend
from moto.s3.models import FakeKey, s3_backends
from moto.utilities.utils import get_partition  # noqa: F401


def _owned_by(instance, account_id):
    for attribute in ("account_id", "_account_id", "owner_id"):
        if getattr(instance, attribute, None) == account_id:
            return True
    # Models that know their account only through their backend: EC2's ~1,300 built-in AMIs, with
    # the snapshot and volume each makes, are owned by Amazon but live in the account's backend;
    # kept here, they outlived every reset (~4 MB an account).
    for attribute in ("ec2_backend", "backend", "_backend"):
        if getattr(getattr(instance, attribute, None), "account_id", None) == account_id:
            return True
    return False


def _close_object_bodies(s3_backend):
    """Closes the temporary files behind this account's object bodies. Not S3Backend.reset(): it also
    disposes every tracked key of every account, and other accounts' GetObject then fails with
    "I/O operation on closed file"."""
    for bucket in list(itertools.chain(s3_backend.buckets.values(), getattr(s3_backend, "table_buckets", {}).values())):
        for key in list(bucket.keys.values()):
            if isinstance(key, FakeKey):
                key.dispose()
        for part in list(getattr(bucket, "multiparts", {}).values()):
            part.dispose()


def reset_account(account_id):
    """Other accounts keep working during a reset (the server is threaded), and moto registers models
    and backends as services are first imported, so every registry is copied before it is walked and
    a walk that still meets a concurrent change is run again."""
    for attempt in range(5):
        try:
            _drop_account(account_id)
            break
        except RuntimeError:  # "dictionary changed size during iteration"
            if attempt == 4:
                raise
    _give_memory_back()


def _drop_account(account_id):
    for name, entry in list(s3_backends.bucket_accounts.items()):
        if entry[1] == account_id:
            s3_backends.bucket_accounts.pop(name, None)
    for backend_dict in list(BackendDict._instances):
        account_backend = dict.get(backend_dict, account_id)
        if account_backend is None:
            continue
        if backend_dict is s3_backends:
            for region_backend in account_backend.values():
                _close_object_bodies(region_backend)
        dict.__delitem__(backend_dict, account_id)
    for models in list(model_data.values()):
        for model in list(models.values()):
            tracked = getattr(model, "instances_tracked", None)
            if tracked:
                model.instances_tracked = [i for i in tracked if not _owned_by(i, account_id)]


def _give_memory_back():
    gc.collect()
    try:  # glibc keeps freed heap pages; hand them back to the system
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def reset(request):
    try:
        body = json.loads(request.get_data() or b"{}")
    except ValueError:
        return 400, {"error": 'send {"account":"<12 digits>"} or {"all":true}'}
    if body.get("all") is True:
        moto_api_backend.reset()
        _give_memory_back()
        return 200, {"reset": "all"}
    account_id = str(body.get("account", ""))
    if len(account_id) != 12 or not account_id.isdigit():
        return 400, {"error": 'send {"account":"<12 digits>"} or {"all":true}'}
    reset_account(account_id)
    return 200, {"reset": account_id}


ROUTES = {"/_infralabs/reset": reset}
