"""A stand-in for the `cryptography` package in the in-page sandbox (Pyodide), written by Infra Labs.

`cryptography` has no WebAssembly wheel, yet moto imports it at the top of modules every lab needs
(moto/ec2/utils.py, moto/ec2/models/key_pairs.py, moto/iam/models.py). This package offers only
what those modules call, in pure Python:

- EC2 CreateKeyPair: RSA and ED25519 key pairs that are well-formed (PEM / OpenSSH framing, DER
  structure, key sizes) but random, NOT usable for SSH or signing: making real 2048-bit RSA keys in
  Python in a browser takes seconds, and no instance in the sandbox runs SSH anyway.
- EC2 ImportKeyPair: OpenSSH public keys (ssh-rsa, ssh-ed25519) are parsed for real, and the
  fingerprint moto computes from their DER form is the one the real package gives.
- IAM UploadSigningCertificate: the PEM is checked for its framing and DER outer SEQUENCE only,
  not parsed as X.509.

Anything else raises ImportError or AttributeError, so a moto code path that needs more fails
loudly (sandbox/page/python/bundle.test.ts calls the paths above)."""

__version__ = "0+infralabs.stand-in"
