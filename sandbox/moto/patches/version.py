"""GET /_infralabs/version: the backend's name and version, for the health endpoint."""
import moto


def version(_request):
    return 200, {"backend": "moto", "version": moto.__version__}


ROUTES = {"/_infralabs/version": version}
