"""ED25519 keys: real public-key encodings; a generated key's public half is random, not derived
from its private half (see cryptography/__init__.py)."""
import base64
import secrets

from cryptography import _der
from cryptography.hazmat.primitives.serialization import Encoding, PrivateFormat, PublicFormat

_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")  # SEQUENCE { id-Ed25519 } BIT STRING (32 bytes)


class Ed25519PublicKey:
    def __init__(self, raw):
        self._raw = bytes(raw)

    def _blob(self):
        return _der.ssh_string(b"ssh-ed25519") + _der.ssh_string(self._raw)

    def public_bytes(self, encoding, format):
        if encoding is Encoding.OpenSSH and format is PublicFormat.OpenSSH:
            return b"ssh-ed25519 " + base64.b64encode(self._blob())
        if format is PublicFormat.SubjectPublicKeyInfo and encoding is Encoding.DER:
            return _SPKI_PREFIX + self._raw
        if format is PublicFormat.SubjectPublicKeyInfo and encoding is Encoding.PEM:
            return _der.pem("PUBLIC KEY", _SPKI_PREFIX + self._raw)
        raise ValueError("the in-page sandbox's cryptography stand-in does not write this format")


class Ed25519PrivateKey:
    def __init__(self):
        self._seed = secrets.token_bytes(32)
        self._public = Ed25519PublicKey(secrets.token_bytes(32))

    @classmethod
    def generate(cls):
        return cls()

    def public_key(self):
        return self._public

    def private_bytes(self, encoding, format, encryption_algorithm):
        if not (encoding is Encoding.PEM and format is PrivateFormat.OpenSSH):
            raise ValueError("the in-page sandbox's cryptography stand-in does not write this format")
        # openssh-key-v1, unencrypted, one key, as ssh-keygen writes it (with padding to 8 bytes).
        check = secrets.token_bytes(4)
        private = (check + check + self._public._blob() + _der.ssh_string(self._seed + self._public._raw)
                   + _der.ssh_string(b""))
        private += bytes(range(1, 1 + (-len(private)) % 8))
        body = (b"openssh-key-v1\x00" + _der.ssh_string(b"none") + _der.ssh_string(b"none") + _der.ssh_string(b"")
                + b"\x00\x00\x00\x01" + _der.ssh_string(self._public._blob()) + _der.ssh_string(private))
        return _der.pem("OPENSSH PRIVATE KEY", body)
