"""`fieldapp office collectors` shows each collector's enrolled laptops (text and JSON), read
from the device table, on SQLite and PostgreSQL, as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fieldapp.store import device_repo
from fieldapp.store.engine import open_url
from tests.unit.test_office_collectors import A, B, enroll_rows


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path):
    """(extra arguments, database URL) of an office on SQLite in the profile, or PostgreSQL."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        return ["--db", url], url
    return [], f"sqlite:///{tmp_path / 'home' / 'office.db'}"


def run(tmp_path, office, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("FIELDAPP_OFFICE_DB", None)
    cmd = [sys.executable, "-m", "fieldapp", "office", "collectors", "--home",
           str(tmp_path / "home"), *office[0], *args]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_collector_list_counts_enrolled_laptops(tmp_path, office):
    khoa = json.loads(run(tmp_path, office, "add", "Trần Minh Khoa", "--json"))
    run(tmp_path, office, "add", "Lê Thu Hà")
    store = open_url(office[1])
    try:
        enroll_rows(store, khoa["id"])
        with store.sessions.begin() as session:
            assert {d.id for d in device_repo.all_devices(session)} == {A, B}
    finally:
        store.close()
    listed = {c["name"]: c for c in json.loads(run(tmp_path, office, "--json"))}
    assert listed["Trần Minh Khoa"]["laptops"] == 1
    assert listed["Trần Minh Khoa"]["devices"] == [
        {"id": B, "short_id": B[:8], "enrolled_at": "2026-11-02T08:00:00+00:00",
         "revoked": True},
        {"id": A, "short_id": A[:8], "enrolled_at": "2026-11-20T01:30:00+00:00",
         "revoked": False}]
    assert (listed["Lê Thu Hà"]["laptops"], listed["Lê Thu Hà"]["devices"]) == (0, [])
    lines = {line.split("  ")[0]: line for line in run(tmp_path, office).splitlines()}
    assert "1 laptop (+1 revoked)" in lines["Trần Minh Khoa"]
    assert "0 laptops" in lines["Lê Thu Hà"]
