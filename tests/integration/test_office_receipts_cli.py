"""`fieldapp office receipts` and `fieldapp office export-accounting` as a script runs them."""

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date

import pytest

from tests.receipt_data import take, team

DAY = date(2026, 11, 20)


@pytest.fixture
def office(store, builder, tmp_path):
    cid = builder.customer("Công ty Ánh Dương", code="C1")
    builder.save()
    team(store, [cid])
    numbers = [take(store, cid, DAY, minor)[0] for minor in (100_000, 250_000, 300_000)]

    def run(*args):
        cmd = [sys.executable, "-m", "fieldapp", "office", "--home", str(tmp_path / "home"),
               *args[:1], "--db", f"sqlite:///{store.path}", "--today", "2026-11-25",
               *args[1:]]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300,
                              stdin=subprocess.DEVNULL)
    return run, numbers


def test_list_confirm_void_and_export(office, tmp_path):
    run, (one, two, three) = office
    listed = run("receipts", "--json")
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert [r["receipt_no"] for r in report["receipts"]] == [one, two, three]
    assert report["receipts"][1]["amount_minor"] == 250_000
    assert run("receipts", "confirm", one, "--json").returncode == 0
    # Not pending any more: refused (exit 1), and the one beside it is not confirmed either.
    refused = run("receipts", "confirm", two, one)
    assert refused.returncode == 1 and f"receipt {one} is confirmed" in refused.stderr
    no_reason = run("receipts", "void", two, "--reason", "  ")
    assert no_reason.returncode == 2 and "reason is required" in no_reason.stderr
    assert run("receipts", "void", "NOPE-1", "--reason", "x").returncode == 2
    voided = run("receipts", "void", two, "--reason", "Séc không hợp lệ", "--json")
    assert json.loads(voided.stdout)["receipt"]["reason"] == "Séc không hợp lệ"
    # "All N": without a terminal and without --yes nothing changes.
    asked = run("receipts", "confirm", "--all-pending")
    assert asked.returncode == 1 and "all 1 pending" in asked.stderr
    assert run("receipts", "confirm", "--all-pending", "--yes").returncode == 0
    states = {r["receipt_no"]: r["state"] for r in json.loads(
        run("receipts", "--all", "--json").stdout)["receipts"]}
    assert states == {one: "confirmed", two: "voided", three: "confirmed"}

    out = tmp_path / "export.csv"
    done = run("export-accounting", "--from", "2026-11-01", "--to", "2026-11-30",
               "--format", "csv", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"]["payments"] == 2
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "export_payments.csv").read_text("utf-8-sig"))))
    assert [r["receipt_no"] for r in rows] == [one, three]
    again = run("export-accounting", "--from", "2026-11-01", "--to", "2026-11-30",
                "--out", str(out), "--all", "--json")
    assert json.loads(again.stdout)["new"]["payments"] == 0
    bad = run("export-accounting", "--from", "2026-11-31", "--to", "2026-11-30",
              "--out", str(out))
    assert bad.returncode == 2 and "'2026-11-31' is not a date" in bad.stderr
