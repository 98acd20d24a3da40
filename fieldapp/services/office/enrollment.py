"""The office's side of enrollment: certify a laptop's request for a collector, revoke a
device, list devices and the revocation list the packs carry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ...clock import utc_now
from ...domain.devices import Device, Revocation
from ...domain.errors import NotFound
from ...domain.instants import to_text
from ...store import device_repo, migrations
from ...sync import enroll, office_keys, pki
from ...sync.cms import Trust, serial_hex
from ...sync.errors import EnrollmentError


@dataclass(frozen=True)
class Enrolled:
    device: Device
    answer: bytes  # the signed enrollment bundle the laptop installs


def _public(key) -> bytes:
    return key.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


class Enrollment:
    """Enrollment over the office store; the CA's keys stay in the office profile's folder.
    Certificates are dated by the machine's real clock (signatures are checked against it);
    what the store records follows the program's clock ``now`` (``--today``)."""

    def __init__(self, store, now):
        self._store, self.now = store, now

    def create_ca(self, folder: Path, passphrase: str, company: str) -> office_keys.OfficeKeys:
        return office_keys.create(folder, passphrase, company, utc_now())

    def enroll(self, folder: Path, passphrase: str, request: bytes, file: str,
               collector: str) -> Enrolled:
        """Certify the request's key for ``collector``; the same laptop enrolled again (a new
        name, a lost answer) keeps its id and key and gets a new certificate."""
        csr, device_id, _holder = pki.read_request(request, file)
        keys = office_keys.load(folder, passphrase)
        now, issued = self.now(), utc_now()
        with self._store.sessions.begin() as session:
            collector_id = device_repo.collector_id(session, collector)
            if collector_id is None:
                raise EnrollmentError("enroll.unknown_collector", collector=collector)
            held = device_repo.get(session, device_id)
            if held is not None:
                _may_enroll_again(held, csr)
            cert = pki.device_certificate(csr.public_key(), device_id, collector, keys.ca_key,
                                          keys.ca_cert, issued)
            device_repo.put(session, device_id, collector_id, pki.pem(cert).decode("ascii"),
                            to_text(now))
            device = device_repo.get(session, device_id)
        answer = enroll.build_answer(keys, cert, collector, collector_id, migrations.LATEST, issued)
        return Enrolled(device, answer)

    def revoke(self, device: str, reason: str) -> Device:
        """Mark the device revoked (once: a second revoke keeps the first time and reason)."""
        with self._store.sessions.begin() as session:
            found = _one(device_repo.matching(session, device), device)
            device_repo.revoke(session, found.id, to_text(self.now()), reason)
            return device_repo.get(session, found.id)

    def devices(self) -> list[Device]:
        with self._store.sessions.begin() as session:
            return device_repo.all_devices(session)

    def trust(self, folder: Path) -> Trust:
        """Whom the office believes: bundles signed under its company CA by a device that is
        not revoked."""
        ca_cert, _office = office_keys.certificates(folder)
        return Trust((ca_cert,), frozenset(r.serial for r in self.revoked_devices()))

    def revoked_devices(self) -> list[Revocation]:
        """The revocation list: every revoked device with its certificate's serial."""
        with self._store.sessions.begin() as session:
            found = device_repo.revoked(session)
        return [Revocation(d.id, serial_hex(x509.load_pem_x509_certificate(
            d.certificate_pem.encode("ascii"))), d.revoked_at, d.revoked_reason) for d in found]


def _may_enroll_again(held: Device, csr) -> None:
    if held.revoked:
        raise EnrollmentError("enroll.device_revoked", device=held.id)
    old = x509.load_pem_x509_certificate(held.certificate_pem.encode("ascii"))
    if _public(old.public_key()) != _public(csr.public_key()):
        raise EnrollmentError("enroll.device_other_key", device=held.id)


def _one(devices: list[Device], asked: str) -> Device:
    if not asked or not devices:
        raise NotFound("device.not_found", device=asked)
    exact = [d for d in devices if d.id == asked]
    if exact:
        return exact[0]
    if len(devices) > 1:
        raise EnrollmentError("device.ambiguous", device=asked, count=len(devices))
    return devices[0]
