"""The office's sync folder over the store (SQLite and PostgreSQL): bundles in ``to-office``
imported and removed once recorded, unreadable ones kept, a quarantined one never blocking the
others, an ack per laptop replacing the older one, packs due written, and device health showing
the clock skew, the gap and the last ack."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.services.office.app import build
from fieldapp.services.office.device_health import clock_skew, missing, skew_flagged
from fieldapp.services.office.sync_folder import waiting
from fieldapp.sync import ack, folder, office_keys
from fieldapp.sync.errors import EnrollmentError
from tests.conftest import ON_BOTH_DATABASES
from tests.sync_helpers import PASS, enroll_laptop, office_with_ca

pytestmark = ON_BOTH_DATABASES
NOW = datetime(2026, 11, 29, 8, 30, tzinfo=timezone.utc)
A, B = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0", "9d1fc978-9999-4e76-b22f-16fb26bfd6e0"


@pytest.fixture
def office(store, tmp_path, monkeypatch):
    home = tmp_path / "office"
    office_with_ca(store, home, lambda: NOW)
    monkeypatch.setattr("fieldapp.services.office.app.utc_now", lambda: NOW)
    services = build(store, actor="test")
    laptops = {d: enroll_laptop(store, home, lambda: NOW, d, name)
               for d, name in ((A, "Trần Minh Khoa"), (B, "林美玲"))}
    root = tmp_path / "sync"
    folder.to_office(root).mkdir(parents=True)
    return services, home, root, laptops


def put(root, laptop, seq, at=NOW, name=None):
    path = folder.to_office(root) / (name or f"day-{laptop.device}-{seq:06d}.zip")
    path.write_bytes(laptop.bundle(seq, at))
    return path


def test_bundles_are_imported_removed_and_answered_with_one_ack_per_laptop(office):
    services, home, root, laptops = office
    a, b = laptops[A], laptops[B]
    put(root, a, 1), put(root, a, 2), put(root, b, 1)
    old = folder.to_laptop(root, A) / ack.file_name(A, 0)
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an older ack")
    result = services.sync_folder.sync(home, root, PASS)
    assert sorted((r.device, r.seq, r.status) for r in result.reports) == [
        (A, 1, "imported"), (A, 2, "imported"), (B, 1, "imported")]
    assert waiting(root) == [] and len(result.removed) == 3 and result.kept == []
    assert sorted((s.device, s.seq) for s in result.acks) == [(A, 2), (B, 1)]
    trust = services.enrollment.trust(office_keys.keys_folder(home))
    for device, seq in ((A, 2), (B, 1)):
        files = folder.waiting_files(folder.to_laptop(root, device), folder.is_ack)
        assert [f.name for f in files] == [ack.file_name(device, seq)]  # the older one gone
        assert ack.read(files[0].read_bytes(), trust) == ack.Ack(device, seq)
    # Both laptops had no pack yet: each gets one beside its ack.
    assert sorted((s.device, s.seq) for s in result.packs) == [(A, 1), (B, 1)]
    health = {h.device: h for h in services.device_health.laptops()}
    assert (health[A].ack_seq, health[A].ack_written_at) == (2, "2026-11-29T08:30:00+00:00")
    # Nothing new: no ack rewritten, no pack (the packs are fresh).
    again = services.sync_folder.sync(home, root, PASS)
    assert (again.reports, again.acks, again.packs) == ([], [], [])


def test_a_quarantined_bundle_is_kept_in_the_database_and_does_not_block_the_others(office):
    services, home, root, laptops = office
    bad = folder.to_office(root) / "day-broken.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    put(root, laptops[A], 1)
    result = services.sync_folder.sync(home, root, PASS)
    assert sorted(r.status for r in result.reports) == ["imported", "quarantined"]
    assert waiting(root) == []  # both recorded: the folder does not grow
    quarantined = [r for r in services.device_health.received() if r.status == "quarantined"]
    assert [(r.file_name.endswith("day-broken.zip"), r.data) for r in quarantined] == [
        (True, b"PK\x03\x04 not really a zip")]
    assert services.sync_folder.status().quarantined == 1


def test_a_file_that_cannot_be_read_stays_for_the_next_sync(office, monkeypatch):
    services, home, root, laptops = office
    locked = put(root, laptops[A], 1)
    real = Path.read_bytes

    def read_bytes(path):  # what a cloud client holding the file open does (root reads all)
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = services.sync_folder.sync(home, root, PASS)
    assert (result.reports, result.kept, waiting(root)) == ([], [locked], [locked])
    monkeypatch.setattr(Path, "read_bytes", real)
    assert [r.status for r in services.sync_folder.sync(home, root, PASS).reports] == [
        "imported"]


def test_a_gap_holds_the_later_bundle_and_shows_in_health_with_the_clock_skew(office):
    services, home, root, laptops = office
    a = laptops[A]
    put(root, a, 1, NOW - timedelta(minutes=25))  # the laptop's clock 25 minutes behind
    a.bundle(2, NOW)  # made but lost on the way
    put(root, a, 3)
    result = services.sync_folder.sync(home, root, None)  # no passphrase: imports only
    assert sorted(r.status for r in result.reports) == ["held", "imported"]
    assert (result.acks, result.packs, waiting(root)) == ([], [], [])
    laptop = {h.device: h for h in services.device_health.laptops()}[A]
    assert (laptop.last_seq, laptop.first_held, laptop.ack_seq) == (1, 3, None)
    assert laptop.last_sent_at == "2026-11-29T08:05:00+00:00"
    assert laptop.last_received_at == "2026-11-29T08:30:00+00:00"
    # The next sync with the passphrase answers what was imported without a passphrase.
    assert [(s.device, s.seq) for s in services.sync_folder.sync(home, root, PASS).acks] == [
        (A, 1)]


def test_send_packs_writes_a_new_pack_for_every_laptop_and_removes_the_older(office):
    services, home, root, laptops = office
    first = services.sync_folder.sync(home, root, PASS)
    assert sorted(s.seq for s in first.packs) == [1, 1]
    again = services.sync_folder.sync(home, root, PASS, send_packs=True)
    assert sorted((s.device, s.seq) for s in again.packs) == [(A, 2), (B, 2)]
    for device in (A, B):
        assert [p.name for p in folder.waiting_files(folder.to_laptop(root, device),
                                                     folder.is_pack)] == [
            f"pack-{device[:8]}-v2.zip"]


def test_a_revoked_laptop_gets_no_pack_and_no_ack(office):
    services, home, root, laptops = office
    services.enrollment.revoke(B, "lost")
    put(root, laptops[B], 1)
    result = services.sync_folder.sync(home, root, PASS)
    assert [(r.device, r.status) for r in result.reports] == [(B, "quarantined")]
    assert [s.device for s in result.packs] == [A] and result.acks == []


def test_a_wrong_passphrase_or_a_missing_folder_imports_nothing(office, tmp_path):
    services, home, root, laptops = office
    put(root, laptops[A], 1)
    with pytest.raises(EnrollmentError):
        services.sync_folder.sync(home, root, "not the passphrase")
    with pytest.raises(FieldappError) as caught:
        services.sync_folder.sync(home, tmp_path / "unplugged", PASS)
    assert caught.value.code == "syncfolder.missing"
    assert len(waiting(root)) == 1 and services.device_health.received() == []


def test_cancel_leaves_the_rest_in_the_folder(office):
    services, home, root, laptops = office
    put(root, laptops[A], 1), put(root, laptops[A], 2)
    seen = []
    result = services.sync_folder.sync(home, root, PASS, progress=lambda *a: seen.append(a),
                                       cancelled=lambda: len(seen) >= 1)
    assert result.cancelled and len(result.reports) == 1 and len(waiting(root)) == 1
    assert result.acks == []


def test_the_folder_and_watching_are_settings_of_the_office(office, tmp_path):
    services, home, root, laptops = office
    assert (services.sync_folder.root(), services.sync_folder.watching()) == (None, False)
    services.sync_folder.configure(root, True)
    other = build(services.store, actor="another supervisor")
    assert (other.sync_folder.root(), other.sync_folder.watching()) == (root, True)
    services.sync_folder.configure(None, True)  # no folder: nothing to watch
    assert (other.sync_folder.root(), other.sync_folder.watching()) == (None, False)


def test_the_clock_skew_and_the_missing_bundles_are_worked_out_per_laptop(office):
    services, home, root, laptops = office
    a, b = laptops[A], laptops[B]
    put(root, a, 1, NOW + timedelta(minutes=12))  # A's clock 12 minutes ahead
    a.bundle(2, NOW), a.bundle(3, NOW)  # lost
    put(root, a, 4)
    put(root, b, 1, NOW - timedelta(minutes=3))
    services.sync_folder.sync(home, root, None)
    health = {h.device: h for h in services.device_health.laptops()}
    assert clock_skew(health[A]) == -timedelta(minutes=12) and skew_flagged(clock_skew(health[A]))
    assert clock_skew(health[B]) == timedelta(minutes=3)
    assert not skew_flagged(clock_skew(health[B]))
    assert (missing(health[A]), missing(health[B])) == ((2, 3), None)
