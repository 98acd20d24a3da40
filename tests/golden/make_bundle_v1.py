"""Make tests/golden/bundle_v1.zip: an enrollment answer of bundle format 1, as the office of
this release writes it (run once from a checkout of the release; the result is never edited).

    PYTHONPATH=. python tests/golden/make_bundle_v1.py

Beside it, bundle_v1_device_key.pem: the (test-only) device key the answer certifies, so the
test can check the answer is bound to it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from fieldapp.sync import enroll, pki
from fieldapp.sync.office_keys import OfficeKeys

HERE = Path(__file__).parent
WHEN = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)
DEVICE = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0"
COMPANY, COLLECTOR = "Công ty Thu hồi nợ ACME", "Trần Minh Khoa"


def main() -> None:
    ca_key, office_key, device_key = pki.new_key(), pki.new_key(), pki.new_key()
    ca = pki.company_ca(ca_key, COMPANY, WHEN)
    keys = OfficeKeys(ca_key, ca, office_key, pki.office_certificate(office_key, ca_key, ca,
                                                                     COMPANY, WHEN))
    request = pki.read_request(pki.make_request(device_key, DEVICE, COLLECTOR), "golden")[0]
    device = pki.device_certificate(request.public_key(), DEVICE, COLLECTOR, ca_key, ca, WHEN)
    answer = enroll.build_answer(keys, device, COLLECTOR, "c0000000-0000-4000-8000-000000000001",
                                 10, WHEN)
    (HERE / "bundle_v1.zip").write_bytes(answer)
    (HERE / "bundle_v1_device_key.pem").write_bytes(device_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))


if __name__ == "__main__":
    main()
