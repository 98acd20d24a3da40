"""The local development CA: EC P-256 CA and device certificates made with `cryptography`."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..files import write_atomically
from . import identity
from .identity import IDENTITY_FILE
from .keys import CA_FILE, DEVELOPMENT, DeviceKeyDamaged

log = logging.getLogger(__name__)
CA_KEY = "dev-ca-key.pem"
CA_DAYS, DEVICE_DAYS = 3650, 730
Span = tuple[datetime, datetime]


def needed_span(today: date) -> Span:
    """What a certificate must cover: this instant (signatures carry the real signing time) and
    the program's day (``--today``) in any time zone, with a day to spare."""
    now = datetime.now(timezone.utc)
    first = datetime.combine(today - timedelta(days=1), time(), timezone.utc)
    return min(now, first), max(now, first + timedelta(days=3))


def _name(common: str, unit: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"fieldapp {DEVELOPMENT} CA"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
                      x509.NameAttribute(NameOID.COMMON_NAME, common[:64])])  # X.520 limit


def device_subject(device_id: str, holder: str) -> x509.Name:
    """The device id names the key; the collector's name is the display name of who holds it."""
    return _name(holder, f"{DEVELOPMENT} device {device_id}")


CA_SUBJECT = _name(f"fieldapp {DEVELOPMENT} CA (local, not for production)", "development")


def _usage(signing: bool) -> x509.KeyUsage:
    # pyHanko wants non-repudiation (content_commitment) on document signers by default.
    return x509.KeyUsage(digital_signature=signing, content_commitment=signing,
                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                         key_cert_sign=not signing, crl_sign=not signing, encipher_only=False,
                         decipher_only=False)


def _certificate(subject, issuer, public_key, issuer_key, span: Span, days: int, ca: bool
                 ) -> x509.Certificate:
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
            .public_key(public_key).serial_number(x509.random_serial_number())
            .not_valid_before(span[0] - timedelta(minutes=5))
            .not_valid_after(span[1] + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None),
                           critical=True)
            .add_extension(_usage(signing=not ca), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                issuer_key.public_key()), critical=False)
            .sign(issuer_key, hashes.SHA256()))


def _covers(cert: x509.Certificate, span: Span) -> bool:
    return cert.not_valid_before_utc <= span[0] and cert.not_valid_after_utc >= span[1]


def _issued_by(cert: x509.Certificate, ca_cert: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca_cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def ensure_ca(folder: Path, span: Span):
    """(key, certificate) of the development CA. The key is made once; its certificate is
    issued again (same key, same name, so earlier signatures still chain) when it is missing,
    damaged, not the key's, or does not cover ``span``."""
    key_file, cert_file = folder / CA_KEY, folder / CA_FILE
    if key_file.exists():
        key = identity.read_key(key_file)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
        write_atomically(key_file, identity.pem_key(key), private=True)
    cert = identity.read_cert(cert_file) if cert_file.exists() else None
    if cert is None or not identity.matches(key, cert) or not _covers(cert, span):
        cert = _self_signed(key, span)
        write_atomically(cert_file, cert.public_bytes(serialization.Encoding.PEM), private=True)
    return key, cert


def _self_signed(key, span: Span) -> x509.Certificate:
    return _certificate(CA_SUBJECT, CA_SUBJECT, key.public_key(), key, span, CA_DAYS, ca=True)


def ensure_device(folder: Path, device_id: str, holder: str, today: date):
    """(key, certificate) of the device, checked as a pair. The key is made once, when the
    device has none; the certificate is issued again for the same key when the holder's name
    or the device id changed, when it is missing or not the key's, or when it does not cover
    the program's day. An older profile's separate files move into the single file here."""
    span = needed_span(today)
    ca_key, ca_cert = ensure_ca(folder, span)
    key, cert = identity.stored(folder)
    if key is None:
        key = ec.generate_private_key(ec.SECP256R1())
    subject = device_subject(device_id, holder)
    path = folder / IDENTITY_FILE
    if cert is None or not _fits(cert, subject, ca_cert, span):
        cert = _certificate(subject, ca_cert.subject, key.public_key(), ca_key, span, DEVICE_DAYS,
                            ca=False)
        identity.write(path, key, cert)
    elif not path.exists():  # an older profile's pair, still good: moved as it is
        identity.write(path, key, cert)
    identity.retire_old_files(folder, key)
    return key, cert


def _fits(cert: x509.Certificate, subject: x509.Name, ca_cert: x509.Certificate,
          span: Span) -> bool:
    return cert.subject == subject and _issued_by(cert, ca_cert) and _covers(cert, span)


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    """pyHanko works on asn1crypto certificates."""
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def load_signer(folder: Path) -> SimpleSigner:
    """The stored device identity as a pyHanko signer, with the CA in the chain the signature
    carries; DeviceKeyMismatch or DeviceKeyDamaged rather than a signature made with a pair
    that does not belong together."""
    key, cert = identity.load(folder / IDENTITY_FILE)
    ca_cert = identity.read_cert(folder / CA_FILE)
    if ca_cert is None:
        raise DeviceKeyDamaged("device_key.no_ca", path=str(folder / CA_FILE))
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    chain = SimpleCertificateStore.from_certs([_asn1(ca_cert)])
    return SimpleSigner(_asn1(cert), asn1_keys.PrivateKeyInfo.load(der), chain)


def device_signer(folder: Path, device_id: str, holder: str, today: date) -> SimpleSigner:
    """Make or repair the device identity for ``today``, then sign with the pair as stored."""
    ensure_device(folder, device_id, holder, today)
    return load_signer(folder)
