"""Device health over the office store (SQLite and PostgreSQL): each laptop's last bundle,
waiting and quarantined counts, last pack; bundles newest first; Retry and Discard."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from fieldapp.domain.errors import NotFound
from fieldapp.services.office.device_health import DeviceHealth
from fieldapp.services.office.enrollment import Enrollment
from fieldapp.store import bundle_repo, device_repo
from fieldapp.store.tables import CollectorRow, DeviceRow, PackOutRow
from fieldapp.sync import bundle
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES
NOW = datetime(2026, 11, 29, 8, 30, tzinfo=timezone.utc)
A, B = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0", "9d1fc978-9999-4e76-b22f-16fb26bfd6e0"


def fill(store) -> None:
    """Laptop A: bundles 1–2 imported, 4 held for the gap, one quarantined, pack 2 confirmed;
    laptop B (revoked): nothing received."""
    at = "2026-11-2{}T09:00:00+00:00"
    with store.sessions.begin() as session:
        session.add(CollectorRow(id="c1", name="Trần Minh Khoa", created_at=at.format(0)))
        session.add(CollectorRow(id="c2", name="林美玲", created_at=at.format(0)))
    with store.sessions.begin() as session:
        device_repo.put(session, A, "c1", "PEM", at.format(1))
        device_repo.put(session, B, "c2", "PEM", at.format(1))
        device_repo.revoke(session, B, at.format(8), "lost")
        for seq, status in ((1, "imported"), (2, "imported"), (4, "held")):
            bundle_repo.record(session, sha256=f"{seq:064d}", status=status,
                               at=at.format(seq + 1), file_name=f"/in/day-{seq}.zip",
                               bundle_id=f"b{seq}", device=A, seq=seq, records=seq * 3,
                               reason="sync.gap" if status == "held" else "", data=b"x")
        bundle_repo.record(session, sha256=bundle.sha256(b"not a zip"), status="quarantined", at=at.format(6),
                           file_name="/in/bad.zip", device=A, seq=3, reason="sync.bad_signature",
                           detail="signature", data=b"not a zip")
        for version, confirmed in ((1, at.format(3)), (2, at.format(5))):
            session.add(PackOutRow(device_id=A, version=version, bundle_id=f"p{version}",
                                   created_at=at.format(2), expires_at=at.format(9),
                                   sha256="0" * 64, customers=5, confirmed_at=confirmed))


@pytest.fixture
def health(store):
    fill(store)
    return DeviceHealth(store, lambda: NOW, Enrollment(store, lambda: NOW))


def test_each_laptop_shows_its_last_bundle_gaps_pack_and_quarantine(health):
    a, b = health.laptops()
    assert (a.device, a.collector, a.last_seq, a.last_received_at, a.held, a.quarantined,
            a.pack_version, a.pack_confirmed_at, a.revoked_at) == (
        A, "Trần Minh Khoa", 2, "2026-11-23T09:00:00+00:00", 1, 1, 2,
        "2026-11-25T09:00:00+00:00", None)
    assert (b.device, b.last_seq, b.held, b.quarantined, b.pack_version) == (B, None, 0, 0, None)
    assert b.revoked_at == "2026-11-28T09:00:00+00:00"


def test_bundles_are_listed_newest_first_per_laptop_or_all(health):
    assert [r.file_name for r in health.received(A)] == [
        "/in/bad.zip", "/in/day-4.zip", "/in/day-2.zip", "/in/day-1.zip"]
    assert health.received(B) == []
    assert len(health.received()) == 4


def test_discard_removes_only_a_waiting_bundle(health):
    bad = health.received(A)[0]
    health.discard(bad.id)
    assert [r.status for r in health.received(A)] == ["held", "imported", "imported"]
    assert health.laptops()[0].quarantined == 0
    imported = health.received(A)[1]
    with pytest.raises(NotFound):
        health.discard(imported.id)
    with pytest.raises(NotFound):
        health.discard(bad.id)


def test_retry_reads_the_stored_bytes_again(health, store, tmp_path):
    with store.sessions.begin() as session:  # B's made-up certificate cannot be listed revoked
        session.get(DeviceRow, B).revoked_at = None
    Enrollment(None, lambda: NOW).create_ca(tmp_path / "keys", "pass phrase!", "ACME")
    bad = health.received(A)[0]
    summary = health.retry(tmp_path, bad.id)
    assert [(r.status, r.reason) for r in summary.reports] == [("quarantined",
                                                                 "sync.not_a_bundle")]
    # Still one row for the file, now with the reason found on retry.
    quarantined = [r for r in health.received(A) if r.status == "quarantined"]
    assert [(r.id, r.reason) for r in quarantined] == [(bad.id, "sync.not_a_bundle")]
