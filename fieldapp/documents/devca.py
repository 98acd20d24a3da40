"""The local development CA: EC P-256 CA and device certificates made with `cryptography`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..files import write_atomically
from .keys import CA_FILE, DEVELOPMENT

CA_KEY, DEVICE_KEY, DEVICE_CERT = "dev-ca-key.pem", "device-key.pem", "device.pem"


def write(path: Path, data: bytes, private: bool = False) -> None:
    """A crash never leaves half a key behind."""
    write_atomically(path, data, private)


def _name(common: str, unit: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"fieldapp {DEVELOPMENT} CA"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _usage(signing: bool) -> x509.KeyUsage:
    # pyHanko wants non-repudiation (content_commitment) on document signers by default.
    return x509.KeyUsage(digital_signature=signing, content_commitment=signing,
                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                         key_cert_sign=not signing, crl_sign=not signing, encipher_only=False,
                         decipher_only=False)


def _certificate(subject, issuer, public_key, issuer_key, days: int, ca: bool) -> x509.Certificate:
    now = datetime.now(timezone.utc)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
            .public_key(public_key).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None),
                           critical=True)
            .add_extension(_usage(signing=not ca), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                issuer_key.public_key()), critical=False)
            .sign(issuer_key, hashes.SHA256()))


def _pem_key(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _pem_cert(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def ensure_ca(folder: Path):
    """(key, certificate) of the development CA, made on first use and kept."""
    key_file, cert_file = folder / CA_KEY, folder / CA_FILE
    if key_file.exists() and cert_file.exists():
        key = serialization.load_pem_private_key(key_file.read_bytes(), None)
        return key, x509.load_pem_x509_certificate(cert_file.read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(f"fieldapp {DEVELOPMENT} CA (local, not for production)", "development")
    cert = _certificate(name, name, key.public_key(), key, 3650, ca=True)
    write(key_file, _pem_key(key), private=True)
    write(cert_file, _pem_cert(cert))
    return key, cert


def _usable(folder: Path, holder: str) -> bool:
    """A device certificate exists, is issued to ``holder`` and does not expire tomorrow."""
    if not ((folder / DEVICE_KEY).exists() and (folder / DEVICE_CERT).exists()):
        return False
    cert = x509.load_pem_x509_certificate((folder / DEVICE_CERT).read_bytes())
    common = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    return common == holder and cert.not_valid_after_utc > datetime.now(timezone.utc) + timedelta(1)


def ensure_device(folder: Path, device_id: str, holder: str) -> None:
    """Issue the device a certificate, again when its holder changed or it is about to expire."""
    ca_key, ca_cert = ensure_ca(folder)
    if _usable(folder, holder):
        return
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(holder, f"{DEVELOPMENT} device {device_id}")
    cert = _certificate(subject, ca_cert.subject, key.public_key(), ca_key, 730, ca=False)
    write(folder / DEVICE_KEY, _pem_key(key), private=True)
    write(folder / DEVICE_CERT, _pem_cert(cert))


def _asn1(pem: bytes) -> asn1_x509.Certificate:
    """pyHanko works on asn1crypto certificates."""
    der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    return asn1_x509.Certificate.load(der)


def load_signer(folder: Path) -> SimpleSigner:
    """The device key and certificate, with the CA in the chain the signature carries."""
    key = serialization.load_pem_private_key((folder / DEVICE_KEY).read_bytes(), None)
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    chain = SimpleCertificateStore.from_certs([_asn1((folder / CA_FILE).read_bytes())])
    return SimpleSigner(_asn1((folder / DEVICE_CERT).read_bytes()),
                        asn1_keys.PrivateKeyInfo.load(der), chain)
