"""The office's SQLite file encrypted (`fieldapp office encrypt`, `--encrypt`, `passphrase`) as a
supervisor scripts it: real processes on a demo office, the bytes scanned for customers' names,
tax codes and phones, every row kept, wrong passphrases refused with nothing written, a
conversion killed (-9) after its steps leaving a usable office."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.store import cipher, encrypted, keyfile
from fieldapp.store.engine import open_store
from tests.unit.test_importers_decoding import cp1258
from tests.unit.test_importers_presets import S31

ROOT = Path(__file__).resolve().parents[2]
SECRET, OTHER = "office passphrase 1", "another passphrase 2"


def run(home: Path, *args, secret: str | None = SECRET, **env_more):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **env_more)
    env.pop("FIELDAPP_OFFICE_DB", None)
    env.pop("FIELDAPP_PASSPHRASE", None)
    if secret is not None:
        env["FIELDAPP_PASSPHRASE"] = secret
    cmd = [sys.executable, "-m", "fieldapp", "office", "--home", str(home), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def plain_office(tmp_path_factory):
    """A plain demo office made once (copied by each test): its home and what it holds."""
    home = tmp_path_factory.mktemp("plain") / "home"
    made = run(home, "demo-data", "--customers", 25, "--today", "2026-11-20", secret=None)
    assert made.returncode == 0, made.stderr
    store = open_store(home / "office.db", home / "backups")
    try:
        with store.engine.connect() as conn:
            people = conn.execute(text("SELECT name, tax_code, phone FROM customer")).all()
    finally:
        store.close()
    secrets = {v for row in people for v in row if v and len(v) >= 6}
    assert len(people) == 25 and len(secrets) > 40
    return home, cipher.counts(home / "office.db", None), secrets


def copy_of(plain_office, tmp_path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(plain_office[0], home)
    return home


def leaks(home: Path, secrets: set[str]) -> list[tuple[str, str]]:
    """(file, text) of every secret found in the bytes of any file of the office profile."""
    found = []
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [(path.name, s) for s in secrets if s.encode("utf-8") in data]
    return found


def counts_with(home: Path, secret: str) -> dict[str, int]:
    keys = keyfile.unlock(keyfile.key_file(home / "office.db"), secret)
    return cipher.counts(home / "office.db", keys.database)


def snapshot(home: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(home)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                       p.stat().st_mtime_ns)
            for p in home.rglob("*") if p.is_file() and "logs" not in p.parts}


def test_encrypting_keeps_every_row_and_leaves_no_customer_in_the_clear(plain_office,
                                                                          tmp_path):
    home, (_, before, secrets) = copy_of(plain_office, tmp_path), plain_office
    assert leaks(home, secrets)  # the scan finds them in a plain office
    done = run(home, "encrypt")
    assert done.returncode == 0, done.stderr
    assert "the same as before" in done.stdout
    assert encrypted.state(home / "office.db") == "locked"
    assert counts_with(home, SECRET) == before
    assert [p.name for p in (home / "backups").iterdir()]  # the backup made first, sealed
    assert not [p for p in (home / "backups").iterdir() if cipher.is_plain(p)]
    assert leaks(home, secrets) == []
    again = run(home, "encrypt")
    assert again.returncode != 0 and "already encrypted" in again.stderr


def test_a_file_open_elsewhere_is_not_converted(plain_office, tmp_path):
    home, before = copy_of(plain_office, tmp_path), plain_office[1]
    window = open_store(home / "office.db", home / "backups")  # as the window holds it
    try:
        with window.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM customer")).scalar() == 25
        refused = run(home, "encrypt")
    finally:
        window.close()
    assert refused.returncode != 0 and "is open in another fieldapp" in refused.stderr
    assert cipher.is_plain(home / "office.db") and cipher.counts(home / "office.db", None) == before
    assert run(home, "encrypt").returncode == 0  # once closed


def test_a_wrong_or_missing_passphrase_is_refused_and_nothing_is_written(plain_office, tmp_path):
    home = copy_of(plain_office, tmp_path)
    assert run(home, "encrypt").returncode == 0
    files = snapshot(home)
    for args in (["collectors"], ["collectors", "add", "Lê Văn Mới"], ["encrypt"]):
        refused = run(home, *args, secret="not the passphrase")
        assert refused.returncode != 0
        if args != ["encrypt"]:
            assert "wrong passphrase for the encrypted office database" in refused.stderr
    missing = run(home, "collectors", secret=None)
    assert missing.returncode != 0 and "FIELDAPP_PASSPHRASE" in missing.stderr
    assert snapshot(home) == files


def test_the_office_commands_work_on_an_encrypted_file(plain_office, tmp_path):
    home, secrets = copy_of(plain_office, tmp_path), plain_office[2]
    assert run(home, "encrypt").returncode == 0
    added = run(home, "collectors", "add", "Lê Văn Mới", "--json")
    assert added.returncode == 0, added.stderr
    listed = run(home, "collectors", "--json")
    assert "Lê Văn Mới" in {c["name"] for c in json.loads(listed.stdout)}
    ar = tmp_path / "s31.csv"
    ar.write_bytes(cp1258(S31))
    imported = run(home, "import-ar", ar, "--json", "--skip-bad-rows")
    assert json.loads(imported.stdout.splitlines()[0])["imported"] is True, imported.stdout
    assert run(home, "kpi", "--from", "2026-11-01", "--to", "2026-11-20").returncode == 0
    replaced = run(home, "demo-data", "--replace", "--customers", 10, "--today", "2026-11-20")
    assert replaced.returncode == 0, replaced.stderr  # its backup is made under the key
    assert leaks(home, secrets | {"Lê Văn Mới", "Thương mại Đông Á"}) == []


def test_a_new_office_is_made_encrypted_and_its_passphrase_changed(plain_office, tmp_path):
    home, secrets = tmp_path / "new", plain_office[2]
    made = run(home, "--encrypt", "demo-data", "--customers", 25, "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    assert encrypted.state(home / "office.db") == "locked" and leaks(home, secrets) == []
    assert counts_with(home, SECRET)["customer"] == 25
    changed = run(home, "passphrase", FIELDAPP_NEW_PASSPHRASE=OTHER)
    assert changed.returncode == 0, changed.stderr
    assert run(home, "collectors", secret=SECRET).returncode != 0
    assert run(home, "collectors", secret=OTHER).returncode == 0
    plain = copy_of(plain_office, tmp_path)  # --encrypt never silently skips a plain file
    refused = run(plain, "--encrypt", "collectors")
    assert refused.returncode != 0 and "office encrypt" in refused.stderr


@pytest.mark.parametrize("step", [3, 6])  # a key file beside the plain file; switched
def test_a_conversion_killed_after_a_step_leaves_a_usable_office(plain_office, tmp_path, step):
    home, before = copy_of(plain_office, tmp_path), plain_office[1]
    killed = run(home, "encrypt", **{encrypted.STOP_ENV: str(step)})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if cipher.is_plain(home / "office.db"):  # the old office is whole and opens as before
        assert cipher.counts(home / "office.db", None) == before
        assert run(home, "collectors", secret=None).returncode == 0
        assert run(home, "encrypt").returncode == 0  # and the conversion starts again
    else:  # the new one: opening it seals the backups the kill left in the clear
        assert run(home, "collectors").returncode == 0
    assert counts_with(home, SECRET) == before
    assert not [p for p in (home / "backups").iterdir() if cipher.is_plain(p)]
