"""GET /_infralabs/bucket-owner?bucket=NAME: the account that owns a bucket (names are global).

The gateway serves S3 websites to anonymous visitors, so it reads the bucket in its owner's
account (cross-account S3 access is off, see server.py)."""
from moto.s3.models import s3_backends


def bucket_owner(request):
    entry = s3_backends.bucket_accounts.get(request.args.get("bucket", ""))
    return 200, {"account": entry[1] if entry else None}


ROUTES = {"/_infralabs/bucket-owner": bucket_owner}
