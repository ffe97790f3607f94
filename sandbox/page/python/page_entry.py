"""moto with Infra Labs' patches inside the page (Pyodide), the counterpart of sandbox/moto/server.py.

sandbox/page/python-backend.ts imports this module once, then calls handle() for each request:
no socket, no server, one request at a time. What server.py does around moto is done here too,
except what needs a process of its own:
- the same environment (IAM managed policies, no cross-account S3) and every patch in patches/,
  imported unchanged and in the same order, their ROUTES answered (reset, bucket owner, Lambda code);
- a patch whose target is missing stops the page's build: scripts/compile-page-python.mjs runs
  check_patch_targets() on the sources, then ships bytecode only (start() runs it by default);
- failures answer 500 with x-infralabs-backend-error, as server.py's with_failure_header does;
- no gateway token: nothing but the page can call this. The account comes from the caller (the
  page's gateway, as forward-to-backend.ts sends x-moto-account-id) or else from the signature's
  access key id as resolve-account.ts finds it; an x-moto-account-id header is never trusted.
server.py cannot be imported here: it starts waitress and reads files beside it at import."""
import io
import json
import os
import re
import sys
import traceback

os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
os.environ.setdefault("MOTO_S3_ALLOW_CROSSACCOUNT_ACCESS", "false")

DEFAULT_ACCOUNT = "000000000000"
_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/\d{8}/[^/]+/([^/]+)/")

_app = None
ROUTES = {}
_failure = None


def check_patch_targets():
    """Lines naming what the patches change but this moto lacks ([] when all is there)."""
    from patches._targets import missing_targets

    return missing_targets()


def start(check_targets=True):
    """Applies the patches (before moto imports any service, as server.py) and builds the app.
    The page's build checks the targets on the sources and ships bytecode only
    (scripts/compile-page-python.mjs), so the page passes check_targets=False."""
    global _app
    if _app is not None:
        return
    import importlib
    import pkgutil
    import types

    # urllib3 adapts itself to the browser's fetch when imported under Pyodide
    # (urllib3.contrib.emscripten), reading JavaScript objects: moto only answers requests here and
    # never sends one, and a memory snapshot of the interpreter (python-backend.ts) must hold no
    # reference to JavaScript. A stand-in module keeps urllib3 as it is elsewhere.
    stand_in = types.ModuleType("urllib3.contrib.emscripten")
    stand_in.inject_into_urllib3 = lambda: None
    sys.modules.setdefault("urllib3.contrib.emscripten", stand_in)

    import moto  # noqa: F401
    import patches

    for info in sorted(pkgutil.iter_modules(patches.__path__), key=lambda m: m.name):
        try:
            module = importlib.import_module(f"patches.{info.name}")
        except Exception as error:
            raise RuntimeError(f"patches/{info.name}.py does not fit this moto ({type(error).__name__}: {error})") from error
        ROUTES.update(getattr(module, "ROUTES", {}))
    missing = check_patch_targets() if check_targets else []
    if missing:
        raise RuntimeError(f"moto lacks what the patches change: {'; '.join(missing)}")

    from flask import got_request_exception
    from moto.moto_server import werkzeug_app
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    got_request_exception.connect(_remember_failure)
    # Read here, not imported above: a patch may replace it (patches/url_only_backends.py).
    _app = DomainDispatcherApplication(werkzeug_app.create_backend_app)


def _remember_failure(_sender, exception, **_extra):
    global _failure
    _failure = f"{type(exception).__name__}: {exception}"[:300].encode("ascii", "replace").decode().replace("\n", " ")


def account_of(headers, query):
    """The account as resolve-account.ts chooses it: a 12-digit access key id is the account."""
    scope = _CREDENTIAL.search(headers.get("authorization", ""))
    if scope is None:
        from urllib.parse import parse_qs

        credential = parse_qs(query).get("X-Amz-Credential", [""])[0]
        scope = _CREDENTIAL.search(f"Credential={credential},")
    key = scope.group(1) if scope else ""
    return key if len(key) == 12 and key.isdigit() else DEFAULT_ACCOUNT


def _environ(method, path, query, headers, body, account):
    from urllib.parse import unquote

    host = headers.get("host", "localhost")
    name, _, port = host.partition(":")
    environ = {
        "REQUEST_METHOD": method.upper(),
        "SCRIPT_NAME": "",
        # WSGI's PATH_INFO is the decoded path, as bytes read as latin-1 (PEP 3333).
        "PATH_INFO": unquote(path, encoding="latin-1"),
        "QUERY_STRING": query,
        "REQUEST_URI": f"{path}?{query}" if query else path,
        "RAW_URI": f"{path}?{query}" if query else path,
        "SERVER_NAME": name,
        "SERVER_PORT": port or "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "CONTENT_LENGTH": str(len(body)),
    }
    for header, value in headers.items():
        if header in ("content-length", "x-moto-account-id", "transfer-encoding"):
            continue
        if header == "content-type":
            environ["CONTENT_TYPE"] = value
        else:
            environ["HTTP_" + header.upper().replace("-", "_")] = value
    environ["HTTP_X_MOTO_ACCOUNT_ID"] = account
    # An HTTP client always sends Host, and moto reads it to route S3 calls; the gateway's own
    # calls, made in-process, may have none.
    environ.setdefault("HTTP_HOST", host)
    return environ


def _admin(handler, environ):
    from werkzeug.wrappers import Request

    try:
        status, body = handler(Request(environ))
    except Exception as error:  # an admin route must answer, as in server.py
        traceback.print_exc()
        status, body = 500, {"error": f"{type(error).__name__}: {error}"}
    if isinstance(body, (bytes, bytearray)):
        return status, [("content-type", "application/octet-stream")], bytes(body)
    return status, [("content-type", "application/json")], json.dumps(body).encode()


def handle(method, path, query, headers_json, body, account=None):
    """One HTTP request -> (status, [[name, value], ...], body bytes). headers_json is a JSON object
    of lower-case names; account, when given, is the one the page's gateway resolved."""
    global _failure
    start()
    headers = {name.lower(): ", ".join(value) if isinstance(value, list) else str(value)
               for name, value in json.loads(headers_json).items()}
    environ = _environ(method, path, query, headers, bytes(body), account or account_of(headers, query))
    handler = ROUTES.get(environ["PATH_INFO"])
    if handler is not None:
        return _admin(handler, environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split(" ", 1)[0]), list(response_headers)
        return lambda _data: None

    _failure = None
    try:
        result = _app(environ, start_response)
        try:
            data = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
    except Exception as error:  # moto's own exceptions, which a server would turn into HTML
        traceback.print_exc()
        _remember_failure(None, error)
        answer = {"status": 500, "headers": [("content-type", "text/html")]}
        data = b"<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>"
    response_headers = [[name, value] for name, value in answer["headers"]]
    if answer["status"] >= 500 and _failure:
        response_headers.append(["x-infralabs-backend-error", _failure])
    return answer["status"], response_headers, data
