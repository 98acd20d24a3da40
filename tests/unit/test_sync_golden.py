"""The golden bundle of each released format still reads: signature, chain, manifest, members,
and what an enrollment answer binds (tests/golden/make_bundle_v1.py made it)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fieldapp.sync import bundle, enroll
from fieldapp.sync.errors import EnrollmentError
from fieldapp.sync.manifest import FORMAT

GOLDEN = Path(__file__).parent.parent / "golden"
V1 = GOLDEN / "bundle_v1.zip"
DEVICE = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0"
# Read as of the day it was made: its certificates expire, the format does not.
AT_MAKING = {"format": 1, "kind": "enrollment", "sender": "office", "seq": 0,
             "prev_sha256": "", "schema_version": 10}


def _device_key():
    return serialization.load_pem_private_key(
        (GOLDEN / "bundle_v1_device_key.pem").read_bytes(), None)


def test_format_1_reads_with_its_manifest_and_members():
    assert FORMAT >= 1
    data = V1.read_bytes()
    with zipfile.ZipFile(V1) as z:
        ca = x509.load_pem_x509_certificate(z.read("ca.pem"))
    made = ca.not_valid_before_utc + timedelta(hours=2)
    read = bundle.read(data, bundle.Trust((ca,), at=made))
    m = read.manifest
    assert {k: getattr(m, k) for k in AT_MAKING} == AT_MAKING
    assert m.created_at.isoformat() == "2026-11-29T12:00:00+00:00"
    assert sorted(read.members) == ["ca.pem", "device.pem", "enrollment.json", "office.pem"]
    assert "office" in read.signer.subject.rfc4514_string()


def test_the_golden_answer_binds_its_device_key_and_id():
    with zipfile.ZipFile(V1) as z:
        ca = x509.load_pem_x509_certificate(z.read("ca.pem"))
    made = ca.not_valid_before_utc + timedelta(hours=2)
    answer = enroll.read_answer(V1.read_bytes(), str(V1), _device_key(), DEVICE, at=made)
    assert (answer.device_id, answer.collector, answer.company) == (
        DEVICE, "Trần Minh Khoa", "Công ty Thu hồi nợ ACME")
    with pytest.raises(EnrollmentError, match="another laptop"):
        enroll.read_answer(V1.read_bytes(), str(V1), _device_key(),
                           "00000000-0000-4000-8000-000000000000", at=made)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl tool is not installed")
def test_openssl_verifies_the_golden_manifest(tmp_path):
    with zipfile.ZipFile(V1) as z:
        for name in ("manifest.json", "manifest.sig", "ca.pem"):
            (tmp_path / name).write_bytes(z.read(name))
        ca = x509.load_pem_x509_certificate(z.read("ca.pem"))
    at = int((ca.not_valid_before_utc + timedelta(hours=2)).timestamp())
    out = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                          "manifest.sig", "-content", "manifest.json", "-CAfile", "ca.pem",
                          "-purpose", "any", "-attime", str(at), "-out", "/dev/null"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
