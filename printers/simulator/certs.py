"""Certificates laid out as Bambu's: a root CA → a device CA → the printer's certificate, whose subject is only
`CN=<serial>` (no subjectAltName, like an X1C's), and which the printer presents without its device CA (like
an H2C's). `ca` is the bundle a client trusts: root and device CA, as resources/bambu holds Bambu's.

Made with `cryptography` so the in-app virtual printer needs no openssl binary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

_ORG = "3D Pot virtual printers"


@dataclass(frozen=True)
class CertFiles:
    ca: Path
    cert: Path
    key: Path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "BR"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, _ORG), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _ca(subject: x509.Name, key: ec.EllipticCurvePrivateKey, issuer: x509.Name, issuer_key: ec.EllipticCurvePrivateKey,
        path_length: int | None, days: int) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
            .sign(issuer_key, hashes.SHA256()))


def make_certs(directory: Path, serial: str, days: int = 30) -> CertFiles:
    """Write ca.pem (root + device CA), <serial>.pem and <serial>.key into `directory` (reused when there)."""
    directory.mkdir(parents=True, exist_ok=True)
    files = CertFiles(directory / "ca.pem", directory / f"{serial}.pem", directory / f"{serial}.key")
    if files.ca.exists() and files.cert.exists() and files.key.exists():
        return files
    root_key, device_key, key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root_name, device_name = _name(f"{_ORG} CA"), _name(f"{_ORG} Device CA")
    root = _ca(root_name, root_key, root_name, root_key, None, days)
    device = _ca(device_name, device_key, root_name, root_key, 0, days)
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, serial)]))
            .issuer_name(device_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
            .sign(device_key, hashes.SHA256()))
    files.ca.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (device, root)))
    files.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(_pem_key(key))
    files.key.chmod(0o600)
    return files
