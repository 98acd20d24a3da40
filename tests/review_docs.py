"""Record PDFs for review tests: a sample visit record signed by a laptop key the office's
company CA certified (as an enrolled laptop signs), stored as a document of an inbox visit."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore
from sqlalchemy import insert

from fieldapp.documents import sample, signing, visit_record
from fieldapp.documents.model import RECORD_FILE
from fieldapp.domain.codec import canonical_json, visit_to_dict
from fieldapp.store.tables import DocumentRow
from fieldapp.sync import office_keys, pki

PASSPHRASE = "Mật khẩu công ty 2026"


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class LaptopKeys:
    """DeviceKeys of a laptop enrolled with the office whose CA is ``ca``."""

    def __init__(self, ca: office_keys.OfficeKeys, holder: str = "Lan"):
        now = datetime.now(timezone.utc)
        self.key = pki.new_key()
        self.cert = pki.device_certificate(self.key.public_key(), str(uuid.uuid4()), holder,
                                           ca.ca_key, ca.ca_cert, now)
        self.ca_cert, self.holder = ca.ca_cert, holder

    def signer(self) -> SimpleSigner:
        der = self.key.private_bytes(serialization.Encoding.DER,
                                     serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption())
        return SimpleSigner(_asn1(self.cert), asn1_keys.PrivateKeyInfo.load(der),
                            SimpleCertificateStore.from_certs([_asn1(self.ca_cert)]))

    def signer_name(self) -> str:
        return self.holder

    def is_development(self) -> bool:
        return False


def company(home) -> office_keys.OfficeKeys:
    """The office profile ``home`` with its company CA (as `fieldapp office init` makes it)."""
    return office_keys.create(office_keys.keys_folder(home), PASSPHRASE, "Công ty ACME",
                              datetime.now(timezone.utc))


def signed_record(keys) -> bytes:
    rec = sample.record("vi")
    body = canonical_json(visit_to_dict(rec.visit)).encode("utf-8")
    return signing.sign(visit_record.build(rec), keys, "test",
                        (signing.Attachment(RECORD_FILE, body),))


def store_document(store, visit_uuid: str, customer_id: int, data: bytes) -> str:
    doc = str(uuid.uuid4())
    with store.sessions.begin() as session:
        session.execute(insert(DocumentRow.__table__).values(
            id=doc, kind="visit_record", customer_id=customer_id, visit_uuid=visit_uuid,
            number="BB-2026-0001", language="vi", created_at="2026-11-20T01:00:00+00:00",
            sha256="", record_sha256="", signer="Lan", development=False, data=data))
    return doc
