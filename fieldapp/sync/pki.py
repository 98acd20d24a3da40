"""The company's certificates: its CA, the office's signing certificate, and one per device,
issued from the device's certificate request (EC P-256, SHA-256)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from .errors import EnrollmentError

CA_YEARS, OFFICE_YEARS, DEVICE_YEARS = 20, 5, 3
REQUEST_UNIT = "fieldapp device request"
DOCUMENTS_UNIT = "office documents"
_SKEW = timedelta(hours=1)  # a laptop's clock a little behind still sees the certificate valid


def new_key():
    return ec.generate_private_key(ec.SECP256R1())


def _name(company: str, unit: str, common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, company[:64]),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit[:64]),
                      x509.NameAttribute(NameOID.COMMON_NAME, common[:64])])  # X.520 limit


def _usage(ca: bool) -> x509.KeyUsage:
    # Document signers need non-repudiation (content_commitment) for pyHanko's default policy.
    return x509.KeyUsage(digital_signature=not ca, content_commitment=not ca,
                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                         key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False)


def _issue(subject: x509.Name, public_key, issuer: x509.Name, issuer_key, now: datetime,
           years: int, ca: bool) -> x509.Certificate:
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
            .public_key(public_key).serial_number(x509.random_serial_number())
            .not_valid_before(now - _SKEW).not_valid_after(now + timedelta(days=365 * years))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None),
                           critical=True)
            .add_extension(_usage(ca), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                issuer_key.public_key()), critical=False)
            .sign(issuer_key, hashes.SHA256()))


def company_ca(key, company: str, now: datetime) -> x509.Certificate:
    subject = _name(company, "certificate authority", f"{company} CA")
    return _issue(subject, key.public_key(), subject, key, now, CA_YEARS, ca=True)


def office_certificate(key, ca_key, ca_cert: x509.Certificate, company: str,
                       now: datetime) -> x509.Certificate:
    subject = _name(company, "office", f"{company} office")
    return _issue(subject, key.public_key(), ca_cert.subject, ca_key, now, OFFICE_YEARS, ca=False)


def office_document_certificate(key, ca_key, ca_cert: x509.Certificate,
                                now: datetime) -> x509.Certificate:
    """The office's document signer (batch printing): apart from the office certificate that
    laptops pin for packs, so a document key can never sign a pack."""
    company = ca_cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    subject = _name(company, DOCUMENTS_UNIT, f"{company} office documents")
    return _issue(subject, key.public_key(), ca_cert.subject, ca_key, now, OFFICE_YEARS, ca=False)


def device_certificate(public_key, device_id: str, collector: str, ca_key,
                       ca_cert: x509.Certificate, now: datetime) -> x509.Certificate:
    """The device id names the key; the collector's name is the display name of who holds it."""
    company = ca_cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    return _issue(_name(company, f"device {device_id}", collector), public_key, ca_cert.subject,
                  ca_key, now, DEVICE_YEARS, ca=False)


def make_request(key, device_id: str, holder: str) -> bytes:
    """A PKCS#10 request (PEM) signed by the device key: the office sees the key is held."""
    subject = _name(holder or "fieldapp device", REQUEST_UNIT, device_id)
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM)


def read_request(data: bytes, file: str) -> tuple[x509.CertificateSigningRequest, str, str]:
    """(request, device id, the holder's name as the laptop knows it), once its self-signature
    verifies and its key is one we issue for."""
    if len(data) > 64 * 1024:
        raise EnrollmentError("enroll.bad_request", file=file,
                              reason="it is too large to be a certificate request")
    try:
        csr = x509.load_pem_x509_csr(data)
    except ValueError:
        raise EnrollmentError("enroll.bad_request", file=file,
                              reason="it holds no PEM certificate request") from None
    if not csr.is_signature_valid:
        raise EnrollmentError("enroll.bad_request", file=file,
                              reason="its signature does not verify")
    key = csr.public_key()
    if not (isinstance(key, ec.EllipticCurvePublicKey) and key.curve.key_size >= 256
            or isinstance(key, rsa.RSAPublicKey) and key.key_size >= 2048):
        raise EnrollmentError("enroll.bad_request", file=file, reason="its key is too weak")
    device_id, unit, holder = (_one(csr.subject, oid) for oid in (
        NameOID.COMMON_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.ORGANIZATION_NAME))
    if unit != REQUEST_UNIT or not _is_uuid(device_id):
        raise EnrollmentError("enroll.bad_request", file=file,
                              reason="it was not made by fieldapp enroll request")
    return csr, device_id, holder


def _one(name: x509.Name, oid) -> str:
    found = name.get_attributes_for_oid(oid)
    return str(found[0].value) if len(found) == 1 else ""


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def device_id_of(cert: x509.Certificate) -> str:
    """The device id a device certificate names ('' for another kind of certificate)."""
    unit = _one(cert.subject, NameOID.ORGANIZATIONAL_UNIT_NAME)
    return unit.removeprefix("device ") if unit.startswith("device ") else ""


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate, as people compare it: AB:CD:…"""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()
