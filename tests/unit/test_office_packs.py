"""The office's pack service on both engines: versions per device, the chain of SHA-256s, the
revocation list, confirmations, and a collector without a laptop refused."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from fieldapp.services.office.enrollment import Enrollment
from fieldapp.services.office.packs import Packs
from fieldapp.store.tables import CollectorRow, DeviceRow
from fieldapp.sync import bundle, office_keys, pki
from fieldapp.sync.errors import EnrollmentError
from fieldapp.sync.pack import MEMBER, parse
from tests.conftest import ON_BOTH_DATABASES

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=timezone.utc)
PASS = "a passphrase of the test"


@ON_BOTH_DATABASES
def test_packs_are_versioned_per_device_chained_and_confirmed(store, tmp_path):
    keys = office_keys.create(tmp_path / "keys", PASS, "ACME", datetime.now(timezone.utc))
    at = "2026-11-28T00:00:00+00:00"
    pem = pki.pem(keys.office_cert).decode("ascii")  # any certificate: its serial is listed
    with store.sessions.begin() as session:
        session.add_all([CollectorRow(id="k1", name="Lan", created_at=at),
                         CollectorRow(id="k2", name="Minh", created_at=at)])
        session.flush()
        session.add_all([DeviceRow(id="d1", collector_id="k1", certificate=pem, enrolled_at=at),
                         DeviceRow(id="d2", collector_id="k1", certificate=pem, enrolled_at=at,
                                   revoked_at="2026-11-29T00:00:00+00:00",
                                   revoked_reason="lost")])
    packs = Packs(store, lambda: NOW, Enrollment(store, lambda: NOW))
    with pytest.raises(EnrollmentError) as refused:
        packs.build(tmp_path / "keys", PASS, "Minh")
    assert refused.value.code == "pack.no_device"
    trust = bundle.Trust((keys.ca_cert,), frozenset())
    (first,) = packs.build(tmp_path / "keys", PASS, "Lan")  # d2 is revoked: no pack for it
    (second,) = packs.build(tmp_path / "keys", PASS, "Lan", valid_days=3)
    assert (first.device, first.version, second.version) == ("d1", 1, 2)
    one, two = bundle.read(first.data, trust), bundle.read(second.data, trust)
    assert (one.manifest.kind, one.manifest.sender, one.manifest.seq) == ("pack", "office", 1)
    assert one.manifest.prev_sha256 == "" and two.manifest.prev_sha256 == one.sha256
    pack = parse(two.members[MEMBER])
    assert pack.header["expires_at"] == "2026-12-03T03:00:00+00:00"
    assert pack.header["device"] == "d1" and pack.customers == []
    assert [(r["device"], r["serial"], r["reason"]) for r in pack.revoked] == [
        ("d2", format(keys.office_cert.serial_number, "x"), "lost")]
    assert packs.confirmed("d1") == 0
    assert packs.confirm("d1", 1) == 1 and packs.confirm("d1", 2) == 2
