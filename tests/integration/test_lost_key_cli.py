"""A lost or foreign key file, from the command line and at the window's start in real
processes: its own words (never "damaged"), exit status 2, nothing written."""

from __future__ import annotations

import shutil

from tests.integration.test_damaged_profile_cli import PROBE, run
from tests.unit.test_encrypted_restore import PIN, encrypted_profile
from fieldapp.store import keyfile


def _said(home, code_words: str, worded: str) -> None:
    db = home / "fieldapp.db"
    before = db.read_bytes()
    env = {"FIELDAPP_PASSPHRASE": PIN}
    command = run("demo-data", "--customers", "3", "--home", str(home), env=env)
    window = run("--home", str(home), env={**env, **PROBE})
    for out in (command, window):
        assert out.returncode == 2, out.stderr
        assert code_words in out.stderr and "Traceback" not in out.stderr
        assert "damaged" not in out.stderr.split(code_words)[0]
    box = next(line for line in window.stdout.splitlines() if line.startswith("fieldapp-box "))
    assert worded in box and "damaged" not in box.replace("not damaged", "")
    assert db.read_bytes() == before
    assert not list((home / "backups").glob("*-damaged-*"))


def test_a_lost_key_file_is_named_with_what_to_do(tmp_path):
    profile, _backup = encrypted_profile(tmp_path / "p")
    keyfile.key_file(profile.database).unlink()
    _said(profile.home, f"the key file {keyfile.key_file(profile.database)} is missing",
          "key file of this profile is missing")
    assert not keyfile.key_file(profile.database).exists()  # no new key made in its place


def test_another_profiles_key_file_is_named_as_not_belonging(tmp_path):
    profile, _backup = encrypted_profile(tmp_path / "p")
    other, _ = encrypted_profile(tmp_path / "other", customers=2)
    shutil.rmtree(profile.backups)
    profile.backups.mkdir()
    shutil.copy(keyfile.key_file(other.database), keyfile.key_file(profile.database))
    _said(profile.home, "does not belong to the database", "does not belong to this database")
