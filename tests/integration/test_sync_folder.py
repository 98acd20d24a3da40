"""The laptop's whole sync through a real sync folder: a demo laptop enrolled with a demo office
(both made through the command line) sends its day bundle, takes the office's ack and applies
its pack; stale acks and packs are cleaned away, bad ones stay with their reason, a missing
folder changes nothing; documents are signed with the enrolled key at once; `fieldapp sync run`."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.services import app_services
from fieldapp.services import settings as cfg
from fieldapp.store.engine import open_store
from tests import laptop_db
from tests.integration.test_enroll_cli import run
from tests.sync_team import Team


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return Team.template(tmp_path_factory.mktemp("sync-folder-template"))


@pytest.fixture
def team(template, tmp_path) -> Team:
    return Team(template, tmp_path / "team")


@pytest.fixture
def services(team):
    store = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
    yield app_services.build(store, home=team.laptop)
    store.close()


def _outbox(laptop: Path) -> list[tuple[int, bool]]:
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        return con.execute("SELECT seq, data IS NOT NULL FROM sync_outbox ORDER BY seq").fetchall()


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_sync_sends_the_day_then_takes_the_ack_and_applies_the_pack(team, services, tmp_path):
    sync, folder = services.sync, tmp_path / "sync"
    folder.mkdir()
    before = sync.status()
    assert before.unsent > 0 and before.last_at is None and before.waiting == ()
    steps = []
    first = sync.sync_folder(folder, lambda done, total, text="": steps.append((done, total)))
    assert (first.made, first.waiting, first.pack, first.problems) == (1, 1, None, ())
    assert first.records == before.unsent and steps and steps[-1][0] == steps[-1][1]
    assert _names(folder / "to-office") == [f"day-{team.device}-000001.zip"]
    after = sync.status()
    assert (after.unsent, after.waiting) == (0, (1,)) and after.last_at is not None

    (report,) = team.import_and_ack(folder)
    assert report["status"] == "imported" and report["records"] == first.records
    pack = team.pack(folder)
    ack = team.inbox(folder) / f"ack-{team.device}-000001.zip"
    kept_ack, kept_pack = tmp_path / "ack.zip", tmp_path / "pack.zip"
    shutil.copy(ack, kept_ack)
    shutil.copy(pack, kept_pack)

    second = sync.sync_folder(folder)
    assert (second.made, second.waiting, second.acked, second.pruned) == (0, 0, 1, 1)
    assert second.pack == 1 and second.problems == () and second.changes.customers_added
    assert _names(team.inbox(folder)) == []  # the ack and the pack were taken and deleted
    assert _outbox(team.laptop) == [(1, False)]
    status = sync.status()
    assert (status.pack_version, status.waiting, status.acked) == (1, (), 1)
    assert status.pack_expires is not None and status.enrolled and status.collector

    # The same ack and pack again (a cloud folder syncing late): stale, deleted, no problem.
    shutil.copy(kept_ack, ack)
    shutil.copy(kept_pack, pack)
    third = sync.sync_folder(folder)
    assert (third.pruned, third.pack, third.problems) == (0, None, ())
    assert _names(team.inbox(folder)) == []


def test_bad_files_stay_with_their_reason_and_never_stop_the_rest(team, services, tmp_path):
    folder = tmp_path / "sync"
    good = team.pack(folder)  # version 1
    expired = team.pack(folder, today="2026-10-01")  # version 2, expired long ago
    tampered = team.inbox(folder) / "pack-tampered-v9.zip"
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    junk_ack = team.inbox(folder) / f"ack-{team.device}-000009.zip"
    junk_ack.write_bytes(b"not a zip at all")

    done = services.sync.sync_folder(folder)
    assert done.made == 1 and done.waiting == 1  # the day bundle went all the same
    assert done.pack == 1  # the newest readable pack that is not refused
    reasons = {p.file: p.code for p in done.problems}
    assert reasons[expired.name] == "sync.pack_expired"
    assert reasons[junk_ack.name].startswith("sync.")
    assert reasons[tampered.name].startswith("sync.")
    assert set(reasons) == {expired.name, junk_ack.name, tampered.name}
    # The applied pack is gone; the refused files stay for someone to look at.
    assert _names(team.inbox(folder)) == sorted([expired.name, junk_ack.name, tampered.name])
    assert services.sync.status().pack_version == 1


def test_a_missing_folder_changes_nothing(team, services, tmp_path):
    stick = tmp_path / "usb-stick" / "fieldapp"
    with pytest.raises(FieldappError) as refused:
        services.sync.sync_folder(stick)
    assert refused.value.code == "sync.folder_missing" and str(stick) in str(refused.value)
    assert _outbox(team.laptop) == []  # no bundle was made for a folder that is not there
    assert services.settings.get(cfg.LAST_SYNC) == ""
    with pytest.raises(FieldappError) as unset:
        services.sync.sync_folder(None)
    assert unset.value.code == "sync.no_folder"


def test_a_cancelled_sync_is_not_the_last_sync(team, services, tmp_path):
    done = services.sync.sync_folder(tmp_path, cancelled=lambda: True)
    assert done.cancelled and done.made == 0
    assert services.settings.get(cfg.LAST_SYNC) == ""


def test_an_unenrolled_laptop_is_refused_and_after_install_signs_with_the_enrolled_key_at_once(
        team, services, tmp_path):
    keys = team.laptop / "keys"
    for name in ("enrolled-identity.pem", "enrollment.json"):
        (keys / name).unlink()
    folder = tmp_path / "sync"
    folder.mkdir()
    with pytest.raises(FieldappError) as refused:
        services.sync.sync_folder(folder)
    assert refused.value.code == "sync.not_enrolled"
    assert _names(folder) == []  # nothing written

    customer = services.portfolio.search("").rows[0].id
    before, _ = services.documents.statement(customer)
    assert before.development
    services.sync.enroll_install(team.root / "laptop-answer.zip")
    after, _ = services.documents.statement(customer)  # the same services, no restart
    assert not after.development and before.signer != "" and after.signer
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(services.documents.pdf(after.id))
    checked = run("verify", str(pdf), "--home", str(team.laptop), "--strict")
    assert checked.returncode == 0, checked.stdout
    assert "chains to the company CA" in checked.stdout


def test_sync_run_on_the_command_line(team, tmp_path):
    unset = run("sync", "run", "--home", str(team.laptop))
    assert unset.returncode == 2 and "no sync folder" in unset.stderr
    folder = tmp_path / "shared"
    folder.mkdir()
    team.pack(folder)
    done = run("sync", "run", "--folder", str(folder), "--home", str(team.laptop))
    assert done.returncode == 0, done.stderr
    assert "day bundle 1 made" in done.stdout and "pack version 1 applied" in done.stdout
    assert _names(folder / "to-office") == [f"day-{team.device}-000001.zip"]
    assert _names(team.inbox(folder)) == []
    (team.inbox(folder) / "pack-junk.zip").write_bytes(b"junk")
    again = run("sync", "run", "--folder", str(folder), "--home", str(team.laptop))
    assert again.returncode == 1 and "pack-junk.zip" in again.stderr
