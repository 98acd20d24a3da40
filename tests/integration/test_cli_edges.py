"""The command line at its edges: odd --home values, closed pipes, files that are not PDFs, the
demo summary, and the modes of what a run leaves in the profile. Real processes throughout."""

import json
import os
import stat
import subprocess
import sys

import pytest

from fieldapp.documents import sample, signing, visit_record
from fieldapp.documents.keys import LocalDevelopmentCA, keys_folder
from fieldapp.documents.model import RECORD_FILE
from fieldapp.domain.codec import canonical_json, visit_to_dict


def run(*args, env=None, **kw):
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    kw.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], text=True, env=full_env,
                          timeout=300, **kw)


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    keys = LocalDevelopmentCA(keys_folder(home), "a1b2c3d4-0000-4000-8000-000000000001",
                              lambda: "Trần Minh Khoa")
    rec = sample.record("vi")
    body = canonical_json(visit_to_dict(rec.visit)).encode("utf-8")
    pdf = signing.sign(visit_record.build(rec), keys, "test", (signing.Attachment(RECORD_FILE, body),))
    (home / "good.pdf").write_bytes(pdf)
    return home


@pytest.mark.parametrize("command", [["demo-data", "--customers", "3"], ["verify", "x.pdf"], []])
def test_an_empty_home_is_refused_and_the_real_profile_is_not_touched(tmp_path, command):
    # Where the per-user profile would be: an empty --home must not fall back to it.
    fake_user = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)}
    out = run(*command, "--home", "", env=fake_user)
    assert out.returncode == 2
    assert "--home was given an empty folder name" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "xdg").exists()


@pytest.mark.parametrize("command", [["demo-data", "--customers", "3"], ["verify", "x.pdf"]])
def test_a_file_as_home_is_named_in_a_clear_error(tmp_path, command):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine")
    out = run(*command, "--home", str(not_a_folder))
    assert out.returncode == 2, out.stderr
    assert f"{not_a_folder} is a file, not a folder" in out.stderr
    assert "Traceback" not in out.stderr
    assert not_a_folder.read_text() == "mine"


def test_a_home_below_a_file_says_it_cannot_be_created(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    out = run("demo-data", "--customers", "3", "--home", str(tmp_path / "notes.txt" / "p"))
    assert out.returncode == 2 and "cannot be created: Not a directory" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("json_flag", [["--json"], []])
def test_verify_into_a_closed_pipe_ends_quietly(signed, json_flag):
    # A pipe whose reading end is already closed: the first write fails, deterministically
    # (what `fieldapp verify --json … | head -c 10` meets once head has gone).
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        out = run("verify", str(signed / "good.pdf"), "--home", str(signed), *json_flag,
                  stdout=write_end, stderr=subprocess.PIPE, capture_output=False)
    finally:
        os.close(write_end)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "BrokenPipeError" not in out.stderr, out.stderr
    assert "Exception ignored" not in out.stderr


def test_verify_json_through_head_gives_the_first_bytes(signed):
    head = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out = run("verify", str(signed / "good.pdf"), "--home", str(signed), "--json",
              stdout=head.stdin, stderr=subprocess.PIPE, capture_output=False)
    head.stdin.close()
    assert head.stdout.read() == b'[\n {\n  "pa'
    head.wait()
    assert out.returncode in (0, 1) and "Traceback" not in out.stderr


def test_a_text_file_named_pdf_is_not_a_pdf_exit_2(signed, tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("Biên bản — chỉ là văn bản, không phải PDF\n", encoding="utf-8")
    out = run("verify", str(text), str(signed / "good.pdf"), "--home", str(signed))
    assert out.returncode == 2
    assert f"{text} is not a PDF" in out.stderr
    assert "changed after signing" not in out.stdout + out.stderr
    assert "result:        OK" in out.stdout  # the good file is still checked


def test_demo_data_prints_a_summary_for_people_and_json_for_scripts(tmp_path):
    out = run("demo-data", "--customers", "12", "--today", "2026-11-22", "--home",
              str(tmp_path / "a"))
    assert out.returncode == 0, out.stderr
    assert "Summary(" not in out.stdout and "=" not in out.stdout
    lines = out.stdout.strip().splitlines()
    assert lines[0] == f"Demo portfolio written to {tmp_path / 'a' / 'fieldapp.db'}:"
    assert lines[1].split() == ["12", "customers"]
    assert any(line.split()[1:] == ["past", "visits", "with", "signed", "documents"]
               for line in lines)
    as_json = run("demo-data", "--customers", "12", "--today", "2026-11-22", "--json", "--home",
                  str(tmp_path / "b"))
    data = json.loads(as_json.stdout)
    assert data["customers"] == 12 and data["invoices"] > 12 and data["past_visits"] >= 1
    assert data["database"] == str(tmp_path / "b" / "fieldapp.db")


def _modes(home):
    return {p.relative_to(home).as_posix(): stat.S_IMODE(p.lstat().st_mode)
            for p in [home, *home.rglob("*")]}


def test_what_a_run_leaves_in_the_profile_is_its_owners_only(tmp_path):
    home = tmp_path / "profile"
    out = run("demo-data", "--customers", "12", "--today", "2026-11-22", "--home", str(home))
    assert out.returncode == 0, out.stderr
    modes = _modes(home)
    for name in ("fieldapp.db", "logs/fieldapp.log", "keys/ca.pem", "keys/device-identity.pem",
                 "keys/dev-ca-key.pem", ".", "logs", "keys", "backups"):
        assert name in modes, name
    loose = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert not loose


def test_an_older_profile_is_tightened_when_opened(tmp_path):
    home = tmp_path / "profile"
    assert run("demo-data", "--customers", "5", "--home", str(home)).returncode == 0
    # As an older version left it: everything readable by every user of the machine.
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (home / "settings.ini").write_text("[window]\n")
    (home / "settings.ini").chmod(0o644)
    again = run("demo-data", "--customers", "5", "--home", str(home))
    assert again.returncode == 2 and "already holds 5 customers" in again.stderr
    loose = {name: oct(mode) for name, mode in _modes(home).items() if mode & 0o077}
    assert not loose
