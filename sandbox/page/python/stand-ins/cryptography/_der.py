"""The little DER and OpenSSH wire encoding the stand-in needs (see __init__.py)."""
import base64
import struct


def length(size):
    if size < 0x80:
        return bytes([size])
    body = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, body):
    return bytes([tag]) + length(len(body)) + body


def integer(value):
    body = value.to_bytes(value.bit_length() // 8 + 1, "big")  # a leading 0 keeps it positive
    return tlv(0x02, body)


def sequence(*items):
    return tlv(0x30, b"".join(items))


def pem(label, der):
    text = base64.encodebytes(der).decode().replace("\n", "")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN %s-----\n%s\n-----END %s-----\n" % (label, "\n".join(lines), label)).encode()


def ssh_string(data):
    return struct.pack(">I", len(data)) + data


def ssh_mpint(value):
    return ssh_string(value.to_bytes(value.bit_length() // 8 + 1, "big") if value else b"")


def read_ssh_strings(blob):
    """The length-prefixed fields of an OpenSSH public key blob; ValueError if it is cut short."""
    fields, at = [], 0
    while at < len(blob):
        if at + 4 > len(blob):
            raise ValueError("bad key")
        (size,) = struct.unpack(">I", blob[at:at + 4])
        at += 4
        if at + size > len(blob):
            raise ValueError("bad key")
        fields.append(blob[at:at + size])
        at += size
    return fields
