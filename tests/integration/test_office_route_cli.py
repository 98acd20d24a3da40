"""`fieldapp office route` as a supervisor would script it, on SQLite and PostgreSQL."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ON_BOTH_DATABASES
from tests.unit.test_office_routes import DAY, office  # noqa: F401 (fixture)

pytestmark = ON_BOTH_DATABASES


@pytest.fixture
def route(office, request, tmp_path):  # noqa: F811
    _routes, c, store = office
    url = f"sqlite:///{store.path}" if store.path else request.getfixturevalue("pg_url")

    def run(*args):
        cmd = [sys.executable, "-m", "fieldapp", "office", "--home", str(tmp_path / "home"),
               "route", "--db", url, "--collector", "Trần Minh Khoa", "--date", DAY.isoformat(),
               *args]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    return run, c


def test_suggest_save_reorder_and_print(route, tmp_path):
    run, c = route
    shown = run("--suggest", "--limit", "3", "--json")
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    assert (report["saved"], report["stops"]) == (False, [])
    assert [(s["code"], s["reason"]) for s in report["suggestions"]] == [
        ("KH000001", "promise_due"), ("KH000003", "revisit_due"), ("KH000004", "dispute_waiting")]
    assert report["suggestions"][0]["amount"] == {"VND": 5_000_000}
    saved = json.loads(run("--suggest", "--save", "--limit", "3", "--start", "08:00",
                           "--json").stdout)
    assert [(s["seq"], s["code"], s["time"]) for s in saved["stops"]] == [
        (1, "KH000001", "08:00"), (2, "KH000003", "08:45"), (3, "KH000004", "09:30")]
    assert saved["stops"][0]["purpose"] == "Thu khoản tiền khách đã hứa trả"
    # the day's stops are left out of the next suggestion
    more = json.loads(run("--suggest", "--limit", "1", "--json").stdout)
    assert [s["code"] for s in more["suggestions"]] == ["KH000005"]
    pdf = tmp_path / "sheet.pdf"
    out = run("--order", "KH000005,KH000001", "--add", "KH000006", "--pdf", str(pdf))
    assert out.returncode == 0, out.stderr
    assert "3 stops (saved)" in out.stdout and f"route sheet: {pdf}" in out.stdout
    lines = out.stdout.splitlines()
    assert "KH000005" in lines[1] and "08:30" in lines[1] and "KH000006" in lines[3]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "3 stops" in run().stdout  # shown again, nothing changed


def test_refusals_say_what_and_change_nothing(route, tmp_path):
    run, c = route
    assert run("--add", "KH000001", "KH000005").returncode == 0
    for args, code, words in [
            (("--add", "KH000009"), 1, "not assigned"),
            (("--add", "NOPE"), 1, "'NOPE'"),
            (("--add", "KH000001"), 1, "twice"),
            (("--order", "KH000001", "--start", "25:00"), 1, "'25:00' is not a time"),
            (("--save",), 2, "--suggest"),
            (("--pdf", str(tmp_path)), 2, "cannot be written")]:
        out = run(*args)
        assert (out.returncode, out.stdout) == (code, ""), (args, out.stderr)
        assert words in out.stderr, (args, out.stderr)
    stops = json.loads(run("--json").stdout)["stops"]
    assert [s["code"] for s in stops] == ["KH000001", "KH000005"]
