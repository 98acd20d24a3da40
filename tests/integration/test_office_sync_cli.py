"""`fieldapp office sync --folder DIR` as a supervisor would script it, on SQLite and PostgreSQL:
a demo laptop puts its day bundle into the folder's to-office; the office imports it, empties
to-office, and answers with an ack and a pack in to-laptops/<device>; the laptop prunes its
outbox with that ack and applies that pack."""

from __future__ import annotations

import json

from fieldapp.sync import folder
from tests.integration.test_sync_day_cli import (  # noqa: F401 (fixtures)
    _enroll, _laptop_counts, _outbox, _send, demo_laptop, laptop, office, run, sqlite_office)


def _sync(office, root, *extra):
    out = office.run("sync", "--folder", str(root), "--json", *extra)
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, json.loads(out.stdout)


def test_the_office_imports_the_folder_and_answers_each_laptop(office, laptop, tmp_path):
    device = _enroll(office, laptop, tmp_path)
    root = tmp_path / "shared"
    sent = _send(laptop, folder.to_office(root))
    (junk := folder.to_office(root) / "day-junk.zip").write_bytes(b"not a bundle")
    counts = _laptop_counts(laptop)

    code, done = _sync(office, root)
    assert code == 1  # the junk file was quarantined
    by_status = {r["status"]: r for r in done["bundles"]}
    assert by_status["imported"]["device"] == device
    assert by_status["imported"]["records"] == sum(counts.values())
    assert by_status["quarantined"]["file"] == str(junk)
    assert sorted(done["removed"]) == sorted(map(str, [*sent, junk])) and done["kept"] == []
    assert list(folder.to_office(root).iterdir()) == []
    mine = folder.to_laptop(root, device)
    assert [a["file"] for a in done["acks"]] == [str(mine / f"ack-{device}-000001.zip")]
    assert [(p["device"], p["version"]) for p in done["packs"]] == [(device, 1)]

    assert _outbox(laptop) == [(1, True)]
    acked = run("sync", "ack", done["acks"][0]["file"], "--home", str(laptop))
    assert acked.returncode == 0, acked.stderr
    assert _outbox(laptop) == [(1, False)]
    applied = run("sync", "receive", done["packs"][0]["file"], "--home", str(laptop))
    assert applied.returncode == 0, applied.stderr

    code, again = _sync(office, root)  # nothing new: nothing written again
    assert (code, again["bundles"], again["acks"], again["packs"]) == (0, [], [], [])
    code, fresh = _sync(office, root, "--send-packs")
    assert [p["version"] for p in fresh["packs"]] == [2]
    assert sorted(p.name for p in mine.iterdir()) == [f"ack-{device}-000001.zip",
                                                     f"pack-{device[:8]}-v2.zip"]


def test_without_a_folder_or_a_passphrase_it_says_so(office, tmp_path):
    out = office.run("sync")
    assert out.returncode == 2 and "--folder" in out.stderr
    root = tmp_path / "shared"
    folder.to_office(root).mkdir(parents=True)
    out = office.run("sync", "--folder", str(root), passphrase=None)
    assert out.returncode != 0 and "FIELDAPP_CA_PASSPHRASE" in out.stderr
    out = office.run("sync", "--folder", str(root), "--import-only", passphrase=None)
    assert out.returncode == 0, out.stderr
    assert "nothing waiting" in out.stdout
    assert list(folder.to_office(root).iterdir()) == []


def test_an_ack_written_by_import_bundles_is_not_written_again(sqlite_office, laptop, tmp_path):
    office = sqlite_office
    _enroll(office, laptop, tmp_path)
    sent = _send(laptop, tmp_path / "out")
    out = office.run("import-bundles", *map(str, sent), "--acks", str(tmp_path / "acks"))
    assert out.returncode == 0, out.stderr
    (tmp_path / "shared").mkdir()
    code, done = _sync(office, tmp_path / "shared", "--send-packs")
    assert (code, done["bundles"], done["acks"], len(done["packs"])) == (0, [], [], 1)
