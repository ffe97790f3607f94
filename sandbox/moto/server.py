"""moto's server with Infra Labs' patches and admin routes.

Started by sandbox/backend.ts as `python server.py --port N`. Every module in
patches/ is imported before the first request: importing it applies its
monkeypatches (AWS behaviour moto lacks), and a module may export
ROUTES = {"/_infralabs/<name>": handler}, where handler(request) -> (status, dict|bytes).
The admin routes are reachable only from the gateway (moto listens on 127.0.0.1
and the gateway does not forward /_infralabs/ paths).
"""
import argparse
import ctypes
import hmac
import importlib
import json
import os
import pkgutil
import sys
import threading
import traceback


def _return_large_blocks_to_the_system():
    """glibc serves blocks of 128 KB and more with mmap, but raises that threshold each time it frees
    one, up to 32 MB: after moto's first calls (each service's API model is decompressed and parsed
    from megabytes of text), large blocks come from the heap and their holes stay in moto's RSS,
    about 23 MB after every lab's flow (170 -> 147 MB). A fixed threshold (M_MMAP_THRESHOLD, what
    MALLOC_MMAP_THRESHOLD_ sets at exec) gives them back when freed."""
    try:
        ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc
        pass


_return_large_blocks_to_the_system()
os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
# Bucket names are global, but one account must not read or change another's bucket (AWS answers
# AccessDenied without a policy that allows it). The website is read in the owner's account.
os.environ.setdefault("MOTO_S3_ALLOW_CROSSACCOUNT_ACCESS", "false")

import moto  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
import patches  # noqa: E402
from patches._targets import missing_targets_once  # noqa: E402


def _stop(line):
    """One line for the gateway to show (it reports moto's last line of output), then exit."""
    print(line, file=sys.stderr, flush=True)
    sys.exit(2)


def _pinned_moto():
    with open(os.path.join(os.path.dirname(__file__), "requirements.in"), encoding="utf-8") as pins:
        for line in pins:
            if line.startswith("moto"):
                return line.split("==")[1].strip()
    return None


# The patches adapt one moto version: with another, they would change nothing or break calls.
if moto.__version__ != _pinned_moto():
    _stop(f"moto {moto.__version__} is installed but the patches are for moto {_pinned_moto()}: delete .venv and start again to install the pinned one.")

from moto.moto_server import werkzeug_app  # noqa: E402
from moto.moto_server.werkzeug_app import DomainDispatcherApplication  # noqa: E402
from waitress import serve  # noqa: E402
from werkzeug.wrappers import Request, Response  # noqa: E402
from flask import got_request_exception  # noqa: E402

ROUTES = {}
for info in sorted(pkgutil.iter_modules(patches.__path__), key=lambda m: m.name):
    try:
        module = importlib.import_module(f"patches.{info.name}")
    except Exception as error:  # a target renamed or gone in moto
        _stop(f"patches/{info.name}.py does not fit moto {moto.__version__} ({type(error).__name__}: {error}): reinstall the pinned moto (delete .venv) or update the patch.")
    ROUTES.update(getattr(module, "ROUTES", {}))
_missing = missing_targets_once()
if _missing:
    _stop(f"moto {moto.__version__} lacks what the patches change: {'; '.join(_missing)}. Reinstall the pinned moto (delete .venv) or update the patches.")


# An exception in moto becomes an HTML 500 page that says nothing (from Flask or the WSGI server);
# the gateway names the cause from x-infralabs-backend-error instead.
_failure = threading.local()


def _remember_failure(_sender, exception, **_extra):
    _failure.text = f"{type(exception).__name__}: {exception}"[:300].encode("ascii", "replace").decode()


got_request_exception.connect(_remember_failure)


def with_failure_header(app):
    def wsgi(environ, start_response):
        _failure.text = None

        def start(status, headers, exc_info=None):
            if status.startswith("5") and _failure.text:
                headers = list(headers) + [("x-infralabs-backend-error", _failure.text.replace("\n", " "))]
            return start_response(status, headers, exc_info)

        try:
            return app(environ, start)
        except Exception as error:  # moto's exceptions would reach waitress, which logs and sends HTML
            _remember_failure(None, error)
            traceback.print_exc()
            page = Response("<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>",
                            status=500, mimetype="text/html")
            page.headers["x-infralabs-backend-error"] = _failure.text
            return page(environ, start_response)

    return wsgi


# moto listens on 127.0.0.1, where a Lambda handler or any local process could reach it past the
# gateway (any account by x-moto-account-id, reset of everything): it answers only the gateway,
# which sends the token it gave this process at start.
_TOKEN = os.environ.pop("INFRALABS_BACKEND_TOKEN", "")


def only_from_the_gateway(app):
    def wsgi(environ, start_response):
        if _TOKEN and not hmac.compare_digest(environ.get("HTTP_X_INFRALABS_BACKEND_TOKEN", ""), _TOKEN):
            response = Response(json.dumps({"error": "moto answers only the Infra Labs gateway: send AWS calls to the sandbox's endpoint (http://localhost:4566)."}),
                                status=403, mimetype="application/json")
            return response(environ, start_response)
        return app(environ, start_response)

    return wsgi


def with_admin_routes(app):
    def wsgi(environ, start_response):
        handler = ROUTES.get(environ.get("PATH_INFO", ""))
        if handler is None:
            return app(environ, start_response)
        try:
            status, body = handler(Request(environ))
        except Exception as error:  # an admin route must answer, not hang the gateway
            traceback.print_exc()
            status, body = 500, {"error": f"{type(error).__name__}: {error}"}
        if isinstance(body, (bytes, bytearray)):
            response = Response(bytes(body), status=status, mimetype="application/octet-stream")
        else:
            response = Response(json.dumps(body), status=status, mimetype="application/json")
        return response(environ, start_response)

    return wsgi


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    os.environ["MOTO_PORT"] = str(args.port)
    # Read here, not imported above: a patch may replace it (patches/url_only_backends.py).
    app = DomainDispatcherApplication(werkzeug_app.create_backend_app)
    # waitress, not werkzeug's development server (moto's own choice): werkzeug closes the connection
    # after every response, so each call cost the gateway a new TCP connection and moto a new thread,
    # about half the gateway's CPU time per call. waitress keeps connections alive, serves from a
    # fixed pool of threads and sets TCP_NODELAY. It drops request headers that contain "_" (S3
    # metadata names with underscores; see FIDELITY.md).
    serve(only_from_the_gateway(with_admin_routes(with_failure_header(app))), host=args.host, port=args.port,
          threads=8, connection_limit=500, channel_timeout=300, asyncore_use_poll=True, _quiet=True)


if __name__ == "__main__":
    main()
