"""Enrollment answers: the office's signed `enrollment` bundle (device certificate, company CA,
office certificate, device id, collector), and the laptop's checks before it installs one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509

from ..documents import identity
from ..documents.keys import CA_FILE, is_development_subject
from ..files import write_atomically
from . import bundle, laptop_keys as lk, pki
from .errors import BundleRefused, EnrollmentError
from .manifest import OFFICE, canonical
from .office_keys import OfficeKeys

KIND = "enrollment"
DEVICE, CA, OFFICE_CERT, INFO = "device.pem", "ca.pem", "office.pem", "enrollment.json"


@dataclass(frozen=True)
class Answer:
    device_id: str
    collector: str
    company: str
    device_cert: x509.Certificate
    ca_cert: x509.Certificate
    office_cert: x509.Certificate
    info: dict


def build_answer(keys: OfficeKeys, device_cert: x509.Certificate, collector: str,
                 collector_id: str, schema_version: int, now: datetime) -> bytes:
    info = {"device_id": pki.device_id_of(device_cert), "collector": collector,
            "collector_id": collector_id, "company": _company(keys.ca_cert),
            "enrolled_at": now.isoformat(), "ca_sha256": pki.fingerprint(keys.ca_cert)}
    members = {DEVICE: pki.pem(device_cert), CA: pki.pem(keys.ca_cert),
               OFFICE_CERT: pki.pem(keys.office_cert), INFO: canonical(info)}
    return bundle.write(KIND, members, keys.signer(with_ca=True), sender=OFFICE, seq=0,
                        prev_sha256="", schema_version=schema_version, created_at=now)


def _company(ca: x509.Certificate) -> str:
    found = ca.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATION_NAME)
    return str(found[0].value) if found else ""


def read_answer(data: bytes, file: str, own_key, device_id: str,
                at: datetime | None = None) -> Answer:
    """The answer, once its signature chains to the CA it carries and it certifies this laptop's
    own key for its own device id: a copied or tampered answer is refused. ``at``: when the
    certificates must be valid (default now)."""
    read = bundle.read(data, bundle.Trust(embedded_root=True, at=at))
    if read.manifest.kind != KIND:
        raise BundleRefused("sync.wrong_kind", expected=KIND, kind=read.manifest.kind)
    try:
        device, ca, office = (x509.load_pem_x509_certificate(read.members[name])
                              for name in (DEVICE, CA, OFFICE_CERT))
        info = json.loads(read.members[INFO].decode("utf-8"))
    except (KeyError, ValueError) as exc:
        raise EnrollmentError("enroll.bad_answer", file=file, reason=str(exc)) from None
    if office != read.signer or not _issued_by(office, ca) or not _issued_by(device, ca):
        raise EnrollmentError("enroll.bad_answer", file=file,
                              reason="its certificates do not belong together")
    if not identity.matches(own_key, device):
        raise EnrollmentError("enroll.not_for_this_laptop", file=file,
                              device=pki.device_id_of(device))
    if pki.device_id_of(device) != device_id or info.get("device_id") != device_id:
        raise EnrollmentError("enroll.not_for_this_laptop", file=file,
                              device=pki.device_id_of(device))
    return Answer(device_id, str(info.get("collector", "")), _company(ca), device, ca, office,
                  info)


def _issued_by(cert: x509.Certificate, ca: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(ca)
    except Exception:  # noqa: BLE001 (any failure means: not issued by it)
        return False
    return cert.issuer == ca.subject


def install(folder: Path, answer: Answer, own_key) -> None:
    """Store the enrolled identity. A laptop enrolled with another company's CA is refused: its
    documents would stop verifying. The development CA is kept beside it (dev-ca.pem) for
    documents made before; the identity file, written last but one, switches signing over."""
    folder = Path(folder)
    held = identity.read_cert(folder / lk.COMPANY_CA) if lk.is_enrolled(folder) else None
    if held is not None and held != answer.ca_cert:
        raise EnrollmentError("enroll.other_company", company=_company(held))
    trusted = identity.read_cert(folder / CA_FILE)
    if trusted is not None and is_development_subject(trusted.subject.rfc4514_string()):
        write_atomically(folder / lk.DEV_CA_COPY, pki.pem(trusted), private=True)
    write_atomically(folder / lk.COMPANY_CA, pki.pem(answer.ca_cert), private=True)
    write_atomically(folder / lk.OFFICE, pki.pem(answer.office_cert), private=True)
    write_atomically(folder / lk.ENROLLMENT, canonical(answer.info), private=True)
    identity.write(folder / lk.ENROLLED, own_key, answer.device_cert)
    write_atomically(folder / CA_FILE, pki.pem(answer.ca_cert), private=True)
