"""The office's document-signing key: issued under the company CA at first use, its private key
encrypted with the CA passphrase like the CA's; signs the PDFs the office prints in batches."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from ..files import write_atomically
from . import office_keys, pki

# Beside the CA's files in the office profile's keys/ folder.
DOCS_KEY, DOCS_CERT = "office-documents-key.pem", "office-documents.pem"
RENEW_BEFORE = timedelta(days=30)  # a certificate this close to its end is issued again


class OfficeDocumentKeys:
    """What documents.signing needs (the DeviceKeys protocol) over the office's document key."""

    def __init__(self, key, cert: x509.Certificate, ca_cert: x509.Certificate):
        self.key, self.cert, self.ca_cert = key, cert, ca_cert

    def signer(self):
        from pyhanko.sign.signers import SimpleSigner  # noqa: PLC0415 (pyHanko when signing)
        from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: PLC0415
        der = self.key.private_bytes(serialization.Encoding.DER,
                                     serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption())
        return SimpleSigner(_asn1(self.cert), asn1_keys.PrivateKeyInfo.load(der),
                            SimpleCertificateStore.from_certs([_asn1(self.ca_cert)]))

    def signer_name(self) -> str:
        """The company: the office signs on its behalf."""
        found = self.cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        return str(found[0].value) if found else self.cert.subject.rfc4514_string()

    def is_development(self) -> bool:
        return False


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def ensure(folder: Path, passphrase: str, now: datetime) -> OfficeDocumentKeys:
    """The document key of the office whose keys are in ``folder``; made (key and certificate,
    under the company CA) when missing, its certificate issued again for the same key when it is
    missing, damaged, not the key's, not the CA's or near its end. A wrong passphrase is refused
    (enroll.bad_passphrase) before anything is written."""
    ca_cert, _office = office_keys.certificates(folder)  # no CA: enroll.no_ca
    key_file, cert_file = folder / DOCS_KEY, folder / DOCS_CERT
    secret = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    if key_file.exists():
        key = office_keys.private_key(key_file, passphrase)
    else:
        office_keys.private_key(folder / office_keys.CA_KEY, passphrase)  # the passphrase is right
        key = pki.new_key()
        write_atomically(key_file, key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, secret), private=True)
    cert = _stored_cert(cert_file)
    if cert is None or not _fits(cert, key, ca_cert, now):
        ca_key = office_keys.private_key(folder / office_keys.CA_KEY, passphrase)
        cert = pki.office_document_certificate(key, ca_key, ca_cert, now)
        write_atomically(cert_file, pki.pem(cert), private=True)
    return OfficeDocumentKeys(key, cert, ca_cert)


def _stored_cert(path: Path) -> x509.Certificate | None:
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError):  # missing or damaged: issued again
        return None


def _fits(cert: x509.Certificate, key, ca_cert: x509.Certificate, now: datetime) -> bool:
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    same_key = (cert.public_key().public_bytes(serialization.Encoding.DER, public)
                == key.public_key().public_bytes(serialization.Encoding.DER, public))
    try:
        cert.verify_directly_issued_by(ca_cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return same_key and cert.not_valid_before_utc <= now \
        and cert.not_valid_after_utc > now + RENEW_BEFORE
