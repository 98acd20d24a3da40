"""The office's keys in its profile: the company CA and the office's signing key, both private
keys encrypted with the one CA passphrase (PKCS#8, the best encryption `cryptography` offers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ..files import write_atomically
from . import pki
from .bundle import Signer
from .errors import EnrollmentError

CA_KEY, CA_CERT = "company-ca-key.pem", "company-ca.pem"
OFFICE_KEY, OFFICE_CERT = "office-key.pem", "office.pem"
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class OfficeKeys:
    ca_key: object
    ca_cert: x509.Certificate
    office_key: object
    office_cert: x509.Certificate

    def signer(self, with_ca: bool = False) -> Signer:
        """The office's signer; ``with_ca`` carries the CA in the signature (enrollment)."""
        return Signer(self.office_key, self.office_cert, (self.ca_cert,) if with_ca else ())


def keys_folder(home: Path) -> Path:
    return Path(home) / "keys"


def has_ca(folder: Path) -> bool:
    return (folder / CA_KEY).exists() or (folder / CA_CERT).exists()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise EnrollmentError("enroll.passphrase_short", minimum=MIN_PASSPHRASE)


def create(folder: Path, passphrase: str, company: str, now: datetime) -> OfficeKeys:
    """A new company CA and office signing certificate; an existing CA is never replaced (every
    enrolled laptop trusts it)."""
    if has_ca(folder):
        raise EnrollmentError("enroll.ca_exists", folder=str(folder))
    check_passphrase(passphrase)
    ca_key, office_key = pki.new_key(), pki.new_key()
    ca_cert = pki.company_ca(ca_key, company, now)
    office_cert = pki.office_certificate(office_key, ca_key, ca_cert, company, now)
    secret = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    # Certificates first: a crash leaves no key without its certificate that has_ca misses.
    write_atomically(folder / CA_CERT, pki.pem(ca_cert), private=True)
    write_atomically(folder / OFFICE_CERT, pki.pem(office_cert), private=True)
    write_atomically(folder / OFFICE_KEY, _pem_key(office_key, secret), private=True)
    write_atomically(folder / CA_KEY, _pem_key(ca_key, secret), private=True)
    return OfficeKeys(ca_key, ca_cert, office_key, office_cert)


def _pem_key(key, secret) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, secret)


def certificates(folder: Path) -> tuple[x509.Certificate, x509.Certificate]:
    """(company CA, office certificate): what anyone may see, no passphrase needed."""
    if not (folder / CA_KEY).exists():
        raise EnrollmentError("enroll.no_ca", folder=str(folder))
    return _cert(folder / CA_CERT), _cert(folder / OFFICE_CERT)


def load(folder: Path, passphrase: str) -> OfficeKeys:
    ca_cert, office_cert = certificates(folder)
    ca_key = _key(folder / CA_KEY, passphrase)
    office_key = _key(folder / OFFICE_KEY, passphrase)
    return OfficeKeys(ca_key, ca_cert, office_key, office_cert)


def _cert(path: Path) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise EnrollmentError("enroll.keys_damaged", path=str(path), reason=str(exc)) from None


def private_key(path: Path, passphrase: str):
    """The private key in ``path``, opened with the CA passphrase (office_documents)."""
    return _key(path, passphrase)


def _key(path: Path, passphrase: str):
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EnrollmentError("enroll.keys_damaged", path=str(path),
                              reason=str(exc.strerror or exc)) from None
    try:
        return serialization.load_pem_private_key(data, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        # cryptography says "bad decrypt" for a wrong passphrase and for a damaged file alike.
        raise EnrollmentError("enroll.bad_passphrase", path=str(path)) from None
