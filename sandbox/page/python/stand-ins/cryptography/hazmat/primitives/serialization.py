"""Encodings and formats by the names moto passes, and OpenSSH public keys parsed for real."""
import base64
import enum

from cryptography import _der


class Encoding(enum.Enum):
    PEM = "PEM"
    DER = "DER"
    OpenSSH = "OpenSSH"


class PrivateFormat(enum.Enum):
    TraditionalOpenSSL = "TraditionalOpenSSL"
    PKCS8 = "PKCS8"
    OpenSSH = "OpenSSH"


class PublicFormat(enum.Enum):
    SubjectPublicKeyInfo = "X.509 subjectPublicKeyInfo"
    OpenSSH = "OpenSSH"


class NoEncryption:
    pass


def load_ssh_public_key(data, backend=None):
    """ssh-rsa and ssh-ed25519 keys ("<type> <base64> [comment]"), as the real function reads them;
    ValueError for anything else (moto answers InvalidKey.Format)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    parts = bytes(data).strip().split()
    if len(parts) < 2:
        raise ValueError("Key is not in the proper format")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except ValueError:
        raise ValueError("Key is not in the proper format")
    fields = _der.read_ssh_strings(blob)
    if not fields or fields[0] != parts[0]:
        raise ValueError("Key is not in the proper format")
    if parts[0] == b"ssh-rsa" and len(fields) == 3:
        return RSAPublicKey(int.from_bytes(fields[2], "big"), int.from_bytes(fields[1], "big"))
    if parts[0] == b"ssh-ed25519" and len(fields) == 2 and len(fields[1]) == 32:
        return Ed25519PublicKey(fields[1])
    raise ValueError("Key type is not supported")
