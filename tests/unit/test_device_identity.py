"""The device key: made once per device, kept whole with its certificate, never used mismatched."""

import os
from datetime import date, timedelta
from io import BytesIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader

from fieldapp.documents import devca, identity, sample, signing, verify, visit_record
from fieldapp.documents.identity import IDENTITY_FILE, OLD_CERT, OLD_KEY
from fieldapp.documents.keys import (CA_FILE, DeviceKeyDamaged, DeviceKeyMismatch,
                                     LocalDevelopmentCA)
from fieldapp.documents.model import RECORD_FILE
from fieldapp.domain.codec import canonical_json, visit_to_dict
from fieldapp.domain.errors import FieldappError
from fieldapp.services import app_services
from fieldapp.services import settings as cfg
from tests.conftest import Clock

DEVICE = "a1b2c3d4-0000-4000-8000-000000000001"


def sign(keys) -> bytes:
    rec = sample.record("vi")
    body = canonical_json(visit_to_dict(rec.visit)).encode("utf-8")
    return signing.sign(visit_record.build(rec), keys, "test",
                        (signing.Attachment(RECORD_FILE, body),))


def checked(pdf: bytes, folder) -> verify.Report:
    return verify.verify_bytes(pdf, [load_cert_from_pemder(str(folder / CA_FILE))])


def signing_key(pdf: bytes) -> bytes:
    """The public key of the certificate a signed PDF carries."""
    sig = PdfFileReader(BytesIO(pdf)).embedded_regular_signatures[0]
    return sig.signer_cert.public_key.dump()


def public(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def stored_public(folder) -> bytes:
    return public(identity.read_key(folder / IDENTITY_FILE))


def device_cert(folder) -> x509.Certificate:
    return identity.read_cert(folder / IDENTITY_FILE)


def test_renaming_the_collector_keeps_the_key_and_both_documents_verify(tmp_path):
    holder = ["Trần Minh Khoa"]
    keys = LocalDevelopmentCA(tmp_path, DEVICE, lambda: holder[0])
    before = sign(keys)
    key_before = stored_public(tmp_path)
    holder[0] = "Lê Thị Mai"
    after = sign(keys)
    assert stored_public(tmp_path) == key_before
    assert signing_key(before) == signing_key(after)
    first, second = checked(before, tmp_path), checked(after, tmp_path)
    assert first.ok and second.ok, (first.problems, second.problems)
    # verify names who held the device when each was signed, and the device itself
    assert "Trần Minh Khoa" in first.signer and "Lê Thị Mai" in second.signer
    assert DEVICE in first.signer and DEVICE in second.signer


def test_a_new_device_id_keeps_the_key_and_names_the_new_id(tmp_path):
    """A replaced database has a new device id; the laptop's key stays."""
    LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    key = stored_public(tmp_path)
    other = "ffffffff-0000-4000-8000-000000000002"
    pdf = sign(LocalDevelopmentCA(tmp_path, other, lambda: "Trần Minh Khoa"))
    assert signing_key(pdf) == key == stored_public(tmp_path)
    assert other in checked(pdf, tmp_path).signer


def test_key_and_certificate_are_one_private_file(tmp_path):
    LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    data = (tmp_path / IDENTITY_FILE).read_bytes()
    assert data.count(b"-----BEGIN PRIVATE KEY-----") == 1
    assert data.count(b"-----BEGIN CERTIFICATE-----") == 1
    assert oct((tmp_path / IDENTITY_FILE).stat().st_mode & 0o777) == "0o600"
    assert not (tmp_path / OLD_KEY).exists() and not (tmp_path / OLD_CERT).exists()
    key, cert = identity.load(tmp_path / IDENTITY_FILE)
    assert identity.matches(key, cert)


def test_a_crash_while_reissuing_leaves_the_old_whole_pair(tmp_path, monkeypatch):
    holder = ["Trần Minh Khoa"]
    keys = LocalDevelopmentCA(tmp_path, DEVICE, lambda: holder[0])
    keys.signer()
    old = (tmp_path / IDENTITY_FILE).read_bytes()
    holder[0] = "Lê Thị Mai"

    def power_cut(_fd):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(os, "fsync", power_cut)
    with pytest.raises(OSError):
        keys.signer()
    monkeypatch.undo()
    assert (tmp_path / IDENTITY_FILE).read_bytes() == old
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    key, cert = identity.load(tmp_path / IDENTITY_FILE)  # still a matched pair
    assert "Trần Minh Khoa" in cert.subject.rfc4514_string()
    assert signing_key(sign(keys)) == public(key)


def _mismatched(folder):
    """The device file holding its own key beside a certificate the same CA issued another key."""
    LocalDevelopmentCA(folder, DEVICE, lambda: "Trần Minh Khoa").signer()
    key, cert = identity.load(folder / IDENTITY_FILE)
    stranger = ec.generate_private_key(ec.SECP256R1())
    ca_key, ca_cert = devca.ensure_ca(folder, devca.needed_span(date.today()))
    foreign = devca._certificate(cert.subject, ca_cert.subject, stranger.public_key(), ca_key,
                                 devca.needed_span(date.today()), 30, ca=False)
    (folder / IDENTITY_FILE).write_bytes(identity.pem_key(key)
                                         + foreign.public_bytes(serialization.Encoding.PEM))
    return key, stranger


def test_a_mismatched_pair_is_detected_and_never_signed_with(tmp_path):
    key, stranger = _mismatched(tmp_path)
    with pytest.raises(DeviceKeyMismatch) as caught:
        identity.load(tmp_path / IDENTITY_FILE)
    assert caught.value.code == "device_key.mismatch" and isinstance(caught.value, FieldappError)
    with pytest.raises(DeviceKeyMismatch):
        devca.load_signer(tmp_path)
    # The development CA repairs it: a certificate for the key it holds, never for the stranger.
    pdf = sign(LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa"))
    assert signing_key(pdf) == public(key) != public(stranger)
    assert stored_public(tmp_path) == public(key)
    assert checked(pdf, tmp_path).ok


def test_a_mismatched_pair_is_never_written(tmp_path):
    LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    before = (tmp_path / IDENTITY_FILE).read_bytes()
    stranger = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(DeviceKeyMismatch):
        identity.write(tmp_path / IDENTITY_FILE, stranger, device_cert(tmp_path))
    assert (tmp_path / IDENTITY_FILE).read_bytes() == before


def test_a_file_cut_inside_the_key_is_refused_and_no_new_key_is_made(tmp_path):
    LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    path = tmp_path / IDENTITY_FILE
    cut = path.read_bytes()[:100]
    path.write_bytes(cut)
    keys = LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa")
    with pytest.raises(DeviceKeyDamaged) as caught:
        keys.signer()
    assert caught.value.code == "device_key.damaged" and str(path) in str(caught.value)
    assert path.read_bytes() == cut  # left for the person to look at, not replaced


def test_a_file_cut_inside_the_certificate_keeps_its_key(tmp_path):
    LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    path = tmp_path / IDENTITY_FILE
    key = stored_public(tmp_path)
    path.write_bytes(path.read_bytes()[:-120])
    with pytest.raises(DeviceKeyDamaged):
        identity.load(path)
    pdf = sign(LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa"))
    assert signing_key(pdf) == key == stored_public(tmp_path)
    assert checked(pdf, tmp_path).ok


def _old_profile(folder, matching: bool = True):
    """The layout before the single file: device-key.pem and device.pem, written one by one."""
    span = devca.needed_span(date.today())
    ca_key, ca_cert = devca.ensure_ca(folder, span)
    key = ec.generate_private_key(ec.SECP256R1())
    certified = key if matching else ec.generate_private_key(ec.SECP256R1())
    cert = devca._certificate(devca.device_subject(DEVICE, "Trần Minh Khoa"), ca_cert.subject,
                              certified.public_key(), ca_key, span, 730, ca=False)
    (folder / OLD_KEY).write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    (folder / OLD_CERT).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


@pytest.mark.parametrize("matching", [True, False], ids=["whole pair", "pair left by a crash"])
def test_an_older_profile_moves_into_the_single_file_with_its_key(tmp_path, matching):
    key, cert = _old_profile(tmp_path, matching)
    pdf = sign(LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa"))
    assert stored_public(tmp_path) == public(key) == signing_key(pdf)
    assert (device_cert(tmp_path) == cert) is matching  # a good certificate moves as it is
    assert not (tmp_path / OLD_KEY).exists() and not (tmp_path / OLD_CERT).exists()
    assert oct((tmp_path / IDENTITY_FILE).stat().st_mode & 0o777) == "0o600"
    assert checked(pdf, tmp_path).ok


def test_an_older_profile_with_a_damaged_key_is_left_alone(tmp_path):
    _old_profile(tmp_path)
    (tmp_path / OLD_KEY).write_bytes(b"-----BEGIN PRIVATE KEY-----\nMIGH")
    with pytest.raises(DeviceKeyDamaged):
        LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    assert (tmp_path / OLD_KEY).exists() and not (tmp_path / IDENTITY_FILE).exists()


def test_a_lost_ca_certificate_is_issued_again_for_the_same_ca_key(tmp_path):
    keys = LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa")
    earlier = sign(keys)
    (tmp_path / CA_FILE).unlink()
    later = sign(LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa"))
    assert checked(earlier, tmp_path).ok and checked(later, tmp_path).ok


def test_the_signer_follows_the_program_clock_not_the_computer_date(tmp_path):
    clock = Clock(date.today())
    keys = LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa", clock)
    first = keys.signer()
    key = stored_public(tmp_path)
    assert keys.signer() is first  # same day: the loaded signer is kept
    clock.value = device_cert(tmp_path).not_valid_after_utc.date() + timedelta(days=30)
    later = keys.signer()
    cert = device_cert(tmp_path)
    assert later is not first and cert.not_valid_after_utc.date() > clock.value
    assert stored_public(tmp_path) == key
    assert checked(sign(keys), tmp_path).ok  # still valid now, by the computer's clock


def test_app_services_hand_their_today_to_the_device_keys(tmp_path, store):
    ahead = date.today() + timedelta(days=devca.DEVICE_DAYS + 100)
    services = app_services.build(store, ahead, tmp_path)
    services.settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    services.documents.keys.signer()
    cert = device_cert(tmp_path / "keys")
    valid = (cert.not_valid_before_utc.date(), cert.not_valid_after_utc.date())
    assert valid[0] <= date.today() < ahead < valid[1]
