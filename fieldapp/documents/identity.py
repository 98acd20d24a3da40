"""The device identity on disk: private key and certificate in one PEM file, written as one unit."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from .. import sealed
from ..files import write_atomically
from .keys import DeviceKeyDamaged, DeviceKeyMismatch

log = logging.getLogger(__name__)

# One file, mode 600: the key first, then its certificate. A crash while writing it leaves the
# old pair or the new one (files.write_atomically), never a key beside another key's certificate.
IDENTITY_FILE = "device-identity.pem"
OLD_KEY, OLD_CERT = "device-key.pem", "device.pem"  # profiles before the single file

_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\r?\n.*?-----END \1-----", re.S)


def pem_key(key) -> bytes:
    """PKCS#8 PEM, encrypted with the unlocked profile's files key (plain only for a profile
    that has none: a test's folder, the throwaway demo)."""
    password = sealed.pem_password()
    protection = serialization.BestAvailableEncryption(password) if password \
        else serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             protection)


_ENCRYPTED = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"


def pem(key, cert: x509.Certificate) -> bytes:
    return pem_key(key) + cert.public_bytes(serialization.Encoding.PEM)


def write(path: Path, key, cert: x509.Certificate) -> None:
    """Key and certificate in one crash-safe write; refuses to write a pair that does not match."""
    check(key, cert, path)
    write_atomically(path, pem(key, cert), private=True)


def _blocks(data: bytes, suffix: bytes) -> list[bytes]:
    """Whole PEM blocks whose label ends with ``suffix``; a cut-off block is not whole."""
    return [m.group(0) for m in _BLOCK.finditer(data) if m.group(1).endswith(suffix)]


def read_key(path: Path):
    """The one private key in ``path``; DeviceKeyDamaged when it is missing, cut off or
    unreadable."""
    try:
        found = _blocks(path.read_bytes(), b"PRIVATE KEY")
        if len(found) == 1:
            password = sealed.pem_password() if found[0].startswith(_ENCRYPTED) else None
            return serialization.load_pem_private_key(found[0], password)
        reason = f"{len(found)} whole private keys instead of one"
    except (OSError, ValueError, TypeError) as exc:
        raise DeviceKeyDamaged("device_key.damaged", path=str(path), reason=str(exc)) from exc
    raise DeviceKeyDamaged("device_key.damaged", path=str(path), reason=reason)


def read_cert(path: Path) -> x509.Certificate | None:
    """The first certificate in ``path``, or None when there is no whole, readable one."""
    try:
        found = _blocks(path.read_bytes(), b"CERTIFICATE")
        return x509.load_pem_x509_certificate(found[0]) if found else None
    except (OSError, ValueError) as exc:
        log.warning("the certificate in %s cannot be read: %s", path, exc)
        return None


def _public(key) -> bytes:
    return key.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def matches(key, cert: x509.Certificate) -> bool:
    """Whether ``cert`` certifies the public half of ``key``."""
    return _public(key.public_key()) == _public(cert.public_key())


def check(key, cert: x509.Certificate, where: Path) -> None:
    if not matches(key, cert):
        raise DeviceKeyMismatch("device_key.mismatch", path=str(where))


def load(path: Path):
    """(key, certificate) from ``path``, refused when either is damaged or they do not match."""
    key, cert = read_key(path), read_cert(path)
    if cert is None:
        raise DeviceKeyDamaged("device_key.no_certificate", path=str(path))
    check(key, cert, path)
    return key, cert


def stored(folder: Path):
    """(key, certificate whose key is the key's, or None) as stored, from the single file or the
    separate files of an older profile; (None, None) when the device has no key yet."""
    path = folder / IDENTITY_FILE
    if path.exists():
        key, cert = read_key(path), read_cert(path)
    elif (folder / OLD_KEY).exists():
        key, cert = read_key(folder / OLD_KEY), read_cert(folder / OLD_CERT)
        path = folder / OLD_CERT
    else:
        return None, None
    if cert is not None and not matches(key, cert):
        # Kept key, dropped certificate: the caller issues a new one for the key it holds.
        log.warning("the certificate in %s is not the device key's; it is not used", path)
        cert = None
    return key, cert


def retire_old_files(folder: Path, key) -> None:
    """Delete an older profile's separate files once the single file holds the same key; a key
    that is not in the single file is left where it is."""
    old_key = folder / OLD_KEY
    if old_key.exists():
        try:
            same = _public(read_key(old_key).public_key()) == _public(key.public_key())
        except DeviceKeyDamaged:
            same = False
        if not same:
            log.warning("%s holds another key than %s; left in place", old_key, IDENTITY_FILE)
            return
        old_key.unlink()
    (folder / OLD_CERT).unlink(missing_ok=True)


def seal_private_keys(folder: Path) -> list[Path]:
    """Write again, encrypted with the files key, every private key an older version left in
    the clear in ``folder`` (certificates beside them are kept as they are)."""
    done = []
    if sealed.pem_password() is None or not Path(folder).is_dir():
        return done
    for path in sorted(Path(folder).glob("*.pem")):
        data = path.read_bytes()
        plain = [b for b in _blocks(data, b"PRIVATE KEY") if not b.startswith(_ENCRYPTED)]
        if not plain:
            continue
        for block in plain:
            key = serialization.load_pem_private_key(block, None)
            data = data.replace(block, pem_key(key).rstrip(b"\n"))
        write_atomically(path, data, private=True)
        done.append(path)
    return done
