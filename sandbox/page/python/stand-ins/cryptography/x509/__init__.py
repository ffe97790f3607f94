"""X.509 as far as IAM's UploadSigningCertificate checks a certificate (see cryptography/__init__.py)."""
import base64
import re

_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----")


class Certificate:
    def __init__(self, der):
        self._der = der

    def public_bytes(self, encoding=None):
        return self._der


def load_pem_x509_certificate(data, backend=None):
    """The PEM framing and the DER's outer SEQUENCE are checked; the certificate is not parsed."""
    match = _PEM.search(bytes(data))
    if match is None:
        raise ValueError("Unable to load PEM file: no CERTIFICATE block")
    der = base64.b64decode(b"".join(match.group(1).split()))
    if len(der) < 2 or der[0] != 0x30:
        raise ValueError("Unable to load certificate: not DER")
    return Certificate(der)
