"""`fieldapp office collectors` and `fieldapp office assign` as a supervisor scripts them: real
processes on a real office database (the assignments on SQLite and PostgreSQL; checks of
arguments, terminals and collectors' fields, the same on both, on SQLite)."""

import json
import os
import pty
import subprocess
import sys

import pytest

from tests.conftest import ON_BOTH_DATABASES

def _url(store):
    if store.is_sqlite:
        return f"sqlite:///{store.path}"
    return store.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def office(builder, tmp_path):
    """Twelve customers: eight in Quận 1 (two owing 30 M past due), four in Quận 3."""
    for n in range(1, 13):
        cid = builder.customer(f"Cửa hàng Số {n}", code=f"K{n:03d}",
                               district="Quận 1" if n <= 8 else "Quận 3")
        if n in (2, 5):
            builder.invoice(cid, f"HD-{n}", builder_day(-40), 30_000_000)
    builder.save()

    def run(*args, stdin=subprocess.DEVNULL):
        cmd = [sys.executable, "-m", "fieldapp", "office", "--home", str(tmp_path / "home"),
               "--db", _url(builder.store), "--today", "2026-11-22", *args]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", USER="lan")
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300,
                              stdin=stdin)
    return run


def builder_day(offset):
    from datetime import timedelta  # noqa: PLC0415

    from tests.conftest import TODAY  # noqa: PLC0415
    return TODAY + timedelta(days=offset)


def test_collectors_added_listed_changed_and_kept(office):
    assert office("collectors", "add", "Trần Minh Khoa", "--phone", "0903 111 222").returncode == 0
    added = office("collectors", "add", "陳雅婷", "--language", "zh_TW", "--json")
    assert added.returncode == 0 and json.loads(added.stdout)["language"] == "zh_TW"
    again = office("collectors", "add", "Trần Minh Khoa")
    assert again.returncode == 1 and "already a collector" in again.stderr
    bad = office("collectors", "add", "Ai Đó", "--language", "fr")
    assert bad.returncode == 2
    edited = office("collectors", "edit", "陳雅婷", "--phone", "0912-345-678", "--json")
    assert json.loads(edited.stdout)["phone"] == "0912-345-678"
    assert office("assign", "--to", "Trần Minh Khoa", "--customer", "K001", "--yes").returncode == 0
    refused = office("collectors", "delete", "Trần Minh Khoa")
    assert refused.returncode == 1 and "deactivate" in refused.stderr
    assert office("collectors", "deactivate", "Trần Minh Khoa").returncode == 0
    listed = json.loads(office("collectors", "list", "--json").stdout)
    assert {c["name"]: (c["active"], c["customers"]) for c in listed} == {
        "Trần Minh Khoa": (False, 1), "陳雅婷": (True, 0)}
    assert office("collectors", "edit", "Nobody", "--phone", "1").returncode == 2
    text = office("collectors")
    assert text.returncode == 0 and "(inactive)" in text.stdout and "陳雅婷" in text.stdout


@ON_BOTH_DATABASES
def test_bulk_assignment_says_how_many_and_asks_first(office):
    office("collectors", "add", "Lê Thu Hà")
    asked = office("assign", "--to", "Lê Thu Hà", "--district", "Quận 1")
    assert asked.returncode == 1
    assert "8 customers match" in asked.stdout and "K001" in asked.stdout
    assert "--yes" in asked.stderr
    log = json.loads(office("assign", "--log", "--json").stdout)
    assert log == []  # nothing was assigned
    done = office("assign", "--to", "Lê Thu Hà", "--district", "Quận 1", "--yes", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["matched"], result["changed"], result["assigned"]) == (8, 8, True)
    log = json.loads(office("assign", "--log", "--customer", "K003", "--json").stdout)
    assert [(c["customer"], c["from"], c["to"], c["actor"]) for c in log] == [
        ("K003", None, "Lê Thu Hà", "lan")]
    nothing = office("assign", "--to", "Lê Thu Hà", "--district", "Quận 9", "--yes")
    assert nothing.returncode == 1 and "no customers match" in nothing.stdout


def test_a_person_at_a_terminal_answers_the_question(office):
    office("collectors", "add", "Phạm Văn Bình")
    primary, secondary = pty.openpty()
    os.write(primary, b"y\n")
    answered = office("assign", "--to", "Phạm Văn Bình", "--overdue-above", "10.000.000", "VND",
                      stdin=secondary)
    os.close(primary)
    os.close(secondary)
    assert answered.returncode == 0, answered.stderr
    assert "2 customers match" in answered.stdout and "Assign all 2" in answered.stdout
    assert "assigned 2 customers to Phạm Văn Bình" in answered.stdout


@ON_BOTH_DATABASES
def test_undo_a_batch_and_refusals(office):
    office("collectors", "add", "Trần Minh Khoa")
    office("collectors", "add", "Lê Thu Hà")
    first = json.loads(office("assign", "--to", "Trần Minh Khoa", "--no-collector", "--yes",
                              "--json").stdout)
    assert first["changed"] == 12
    second = json.loads(office("assign", "--to", "Lê Thu Hà", "--from", "Trần Minh Khoa",
                               "--district", "Quận 3", "--yes", "--json").stdout)
    assert second["changed"] == 4
    refused = office("assign", "--undo", first["batch"])
    assert refused.returncode == 1 and "changed collector since" in refused.stderr
    undone = office("assign", "--undo", second["batch"])
    assert undone.returncode == 0 and "4 customers are back" in undone.stdout
    assert office("assign", "--undo", second["batch"]).returncode == 1  # already undone
    assert office("assign", "--undo", "no-such-batch").returncode == 2
    text = office("assign", "--log").stdout
    assert f"batch {second['batch']}  (undone by" in text and "Lê Thu Hà → Trần Minh Khoa" in text


BAD = [
    ("--district", "Quận 1", "--yes"),  # no --to
    ("--to", "Trần Minh Khoa", "--yes"),  # no customers named
    ("--to", "Trần Minh Khoa", "--customer", "K001", "--district", "Quận 1"),
    ("--to", "Trần Minh Khoa", "--customer", "K999", "--yes"),
    ("--to", "Nobody", "--district", "Quận 1", "--yes"),
    ("--to", "Trần Minh Khoa", "--overdue-above", "lots", "VND", "--yes"),
    ("--to", "Trần Minh Khoa", "--undo", "x"),
]


def test_bad_arguments_exit_2_and_say_what(office):  # the checks are the same on both engines
    office("collectors", "add", "Trần Minh Khoa")
    for args in BAD:
        out = office("assign", *args)
        assert (out.returncode, bool(out.stderr.strip())) == (2, True), args
    assert json.loads(office("assign", "--log", "--json").stdout) == []
