"""The office's enrollment service over the store (SQLite and PostgreSQL): certify, enroll the
same laptop again, refuse another key under a known id, revoke, and the revocation list."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from fieldapp.documents import identity
from fieldapp.documents.keys import DeviceKeyDamaged
from fieldapp.domain.errors import NotFound
from fieldapp.services.office.enrollment import Enrollment
from fieldapp.store.tables import CollectorRow
from fieldapp.sync import cms, enroll, laptop_keys, office_keys, pki
from fieldapp.sync.errors import EnrollmentError
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES
NOW = datetime(2026, 11, 29, 8, 30, tzinfo=timezone.utc)
PASS = "correct horse battery"
A, B = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0", "8c0fc978-9999-4e76-b22f-16fb26bfd6e0"


@pytest.fixture
def office(store, tmp_path):
    with store.sessions.begin() as session:
        for cid, name in (("c1", "Trần Minh Khoa"), ("c2", "林美玲")):
            session.add(CollectorRow(id=cid, name=name, created_at="2026-11-29T00:00:00+00:00"))
    service = Enrollment(store, lambda: NOW)
    service.create_ca(tmp_path / "keys", PASS, "ACME")
    return service, tmp_path / "keys"


def test_enrolled_devices_are_recorded_with_their_certificate(office):
    service, keys = office
    key = pki.new_key()
    done = service.enroll(keys, PASS, pki.make_request(key, A, ""), "a.csr", "Trần Minh Khoa")
    assert (done.device.id, done.device.collector_name, done.device.enrolled_at) == (
        A, "Trần Minh Khoa", NOW)
    answer = enroll.read_answer(done.answer, "a", key, A)
    assert answer.device_cert.public_bytes(Encoding.PEM).decode() == done.device.certificate_pem
    # Enrolled again for another collector: same id and key, new certificate.
    again = service.enroll(keys, PASS, pki.make_request(key, A, ""), "a.csr", "林美玲")
    assert again.device.collector_name == "林美玲"
    assert [d.id for d in service.devices()] == [A]
    with pytest.raises(EnrollmentError) as caught:
        service.enroll(keys, PASS, pki.make_request(pki.new_key(), A, ""), "a.csr", "林美玲")
    assert caught.value.code == "enroll.device_other_key"


def test_revocation_by_id_or_its_start_and_the_list_the_packs_carry(office):
    service, keys = office
    certs = {}
    for device in (A, B):
        done = service.enroll(keys, PASS, pki.make_request(pki.new_key(), device, ""), "r",
                              "Trần Minh Khoa")
        certs[device] = x509.load_pem_x509_certificate(done.device.certificate_pem.encode())
    with pytest.raises(EnrollmentError) as caught:
        service.revoke("8c0fc978", "lost")
    assert caught.value.code == "device.ambiguous"
    with pytest.raises(NotFound):
        service.revoke("ffff", "lost")
    revoked = service.revoke("8c0fc978-99", "stolen")
    assert revoked.id == B and revoked.revoked_at == NOW and revoked.revoked_reason == "stolen"
    assert service.revoke(B, "again").revoked_reason == "stolen"  # the first reason stays
    (line,) = service.revoked_devices()
    assert (line.device_id, line.serial, line.reason) == (B, cms.serial_hex(certs[B]), "stolen")
    assert [d.revoked for d in service.devices()] == [False, True]


def test_a_request_is_refused_when_it_is_not_one(office):
    service, keys = office
    cut = b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"
    for data in (b"", cut,
                 office_keys.certificates(keys)[0].public_bytes(Encoding.PEM)):
        with pytest.raises(EnrollmentError) as caught:
            service.enroll(keys, PASS, data, "bad.csr", "Trần Minh Khoa")
        assert caught.value.code == "enroll.bad_request"
    assert service.devices() == []


def test_an_enrolled_laptop_signs_as_the_company_certified_it(office, tmp_path):
    service, keys = office
    folder = tmp_path / "laptop"
    key = laptop_keys.request_key(folder, A, "", NOW.date())
    done = service.enroll(keys, PASS, pki.make_request(key, A, ""), "a.csr", "Trần Minh Khoa")
    enroll.install(folder, enroll.read_answer(done.answer, "a", key, A), key)
    signer = laptop_keys.EnrolledKeys(folder, lambda: "")
    assert not signer.is_development() and signer.signer_name() == "Trần Minh Khoa"
    assert signer.signer().signing_cert.subject.human_friendly.count("Trần Minh Khoa") == 1
    given = x509.load_pem_x509_certificate(done.device.certificate_pem.encode())
    assert laptop_keys.bundle_signer(folder).cert == given


def test_the_trust_of_each_side_names_the_company_ca_and_the_revoked(office, tmp_path):
    service, keys = office
    key = pki.new_key()
    done = service.enroll(keys, PASS, pki.make_request(key, A, ""), "a.csr", "Trần Minh Khoa")
    folder = tmp_path / "laptop"
    enroll.install(folder, enroll.read_answer(done.answer, "a", key, A), key)
    ca = office_keys.certificates(keys)[0]
    assert laptop_keys.trust(folder).roots == (ca,)
    assert service.trust(keys).roots == (ca,) and service.trust(keys).revoked == frozenset()
    service.revoke(A, "lost")
    given = x509.load_pem_x509_certificate(done.device.certificate_pem.encode())
    assert service.trust(keys).revoked == {cms.serial_hex(given)}


def test_an_expired_enrolled_certificate_is_said_before_anything_is_signed(office, tmp_path):
    service, keys = office
    key = pki.new_key()
    long_ago = datetime(2020, 1, 1, tzinfo=timezone.utc)
    opened = office_keys.load(keys, PASS)
    old = pki.device_certificate(key.public_key(), A, "Trần Minh Khoa", opened.ca_key,
                                 opened.ca_cert, long_ago)
    folder = tmp_path / "laptop"
    done = service.enroll(keys, PASS, pki.make_request(key, A, ""), "a.csr", "Trần Minh Khoa")
    enroll.install(folder, enroll.read_answer(done.answer, "a", key, A), key)
    identity.write(folder / laptop_keys.ENROLLED, key, old)  # as if three years had passed
    with pytest.raises(DeviceKeyDamaged) as caught:
        laptop_keys.EnrolledKeys(folder, lambda: "").signer()
    assert caught.value.code == "device_key.expired"
    assert caught.value.params["until"] == old.not_valid_after_utc.date()

