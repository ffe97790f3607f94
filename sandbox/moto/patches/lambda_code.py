"""Admin routes that let the gateway run Lambda functions itself (moto needs Docker to).

GET /_infralabs/lambda/function?account=&region=&name=&qualifier=
    -> 200 {"configuration": {...}, "executedVersion": "..."} as GetFunctionConfiguration
       would answer for that account, or {"error": {"code", "message"}} with moto's status.
GET /_infralabs/lambda/code?account=&region=&name=&qualifier=
    -> the function version's deployment package (zip bytes), which GetFunction's
       Code.Location does not serve.
"""
from moto.core.exceptions import JsonRESTError


def _find(request):
    # Imported on first use: Lambda's models pull in several services, which moto loads lazily.
    from moto.awslambda.models import lambda_backends

    args = request.args
    backend = lambda_backends[args["account"]][args["region"]]
    return backend.get_function(args["name"], args.get("qualifier") or None)


def _error(error):
    if isinstance(error, JsonRESTError):
        return error.code, {"error": {"code": error.error_type, "message": error.message}}
    raise error


def function(request):
    try:
        fn = _find(request)
    except Exception as error:  # noqa: BLE001 - moto's own not-found errors are passed on
        return _error(error)
    configuration = fn.get_configuration()
    configuration["PackageType"] = fn.package_type
    return 200, {"configuration": configuration, "executedVersion": str(fn.version)}


def code(request):
    try:
        fn = _find(request)
    except Exception as error:  # noqa: BLE001
        return _error(error)
    return 200, bytes(getattr(fn, "code_bytes", b"") or b"")


ROUTES = {"/_infralabs/lambda/function": function, "/_infralabs/lambda/code": code}
