"""RSA keys: real public-key encodings; generated keys are random numbers of the right sizes, not
a key pair (see cryptography/__init__.py)."""
import base64
import secrets

from cryptography import _der
from cryptography.hazmat.primitives.serialization import Encoding, PrivateFormat, PublicFormat

_RSA_ENCRYPTION = bytes.fromhex("300d06092a864886f70d0101010500")  # AlgorithmIdentifier rsaEncryption, NULL


class RSAPublicKey:
    def __init__(self, modulus, public_exponent):
        self._n, self._e = modulus, public_exponent

    @property
    def key_size(self):
        return self._n.bit_length()

    def public_bytes(self, encoding, format):
        if encoding is Encoding.OpenSSH and format is PublicFormat.OpenSSH:
            blob = _der.ssh_string(b"ssh-rsa") + _der.ssh_mpint(self._e) + _der.ssh_mpint(self._n)
            return b"ssh-rsa " + base64.b64encode(blob)
        pkcs1 = _der.sequence(_der.integer(self._n), _der.integer(self._e))
        spki = _der.sequence(_RSA_ENCRYPTION, _der.tlv(0x03, b"\x00" + pkcs1))
        if format is PublicFormat.SubjectPublicKeyInfo and encoding is Encoding.DER:
            return spki
        if format is PublicFormat.SubjectPublicKeyInfo and encoding is Encoding.PEM:
            return _der.pem("PUBLIC KEY", spki)
        raise ValueError("the in-page sandbox's cryptography stand-in does not write this format")


def _odd_number(bits):
    return secrets.randbits(bits) | (1 << (bits - 1)) | 1


class RSAPrivateKey:
    def __init__(self, key_size, public_exponent):
        half = key_size // 2
        self._parts = [_odd_number(key_size), public_exponent, _odd_number(key_size - 1),
                       _odd_number(half), _odd_number(half), _odd_number(half - 1), _odd_number(half - 1),
                       _odd_number(half - 1)]  # n, e, d, p, q, dp, dq, qinv: random, not related

    @property
    def key_size(self):
        return self._parts[0].bit_length()

    def public_key(self):
        return RSAPublicKey(self._parts[0], self._parts[1])

    def private_bytes(self, encoding, format, encryption_algorithm):
        if encoding is Encoding.PEM and format is PrivateFormat.TraditionalOpenSSL:
            return _der.pem("RSA PRIVATE KEY", _der.sequence(_der.integer(0), *(_der.integer(p) for p in self._parts)))
        raise ValueError("the in-page sandbox's cryptography stand-in does not write this format")


def generate_private_key(public_exponent, key_size, backend=None):
    return RSAPrivateKey(key_size, public_exponent)
