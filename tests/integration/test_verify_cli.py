"""`fieldapp verify` and the demo's documents, as a supervisor would script them: real processes."""

import json
import os
import re
import subprocess
import sys

import pytest

from fieldapp.documents import sample, signing, visit_record
from fieldapp.documents.keys import LocalDevelopmentCA, keys_folder, trusted_ca_file
from fieldapp.documents.model import RECORD_FILE
from fieldapp.domain.codec import canonical_json, visit_to_dict
from tests import laptop_db


def run(*args, env=None):
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True,
                          env=full_env, timeout=300)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A profile with its development CA, a good record, and three spoilt copies of it."""
    home = tmp_path_factory.mktemp("home")
    keys = LocalDevelopmentCA(keys_folder(home), "a1b2c3d4-0000-4000-8000-000000000001",
                              lambda: "Trần Minh Khoa")
    rec = sample.record("zh_CN")
    body = canonical_json(visit_to_dict(rec.visit)).encode("utf-8")
    good = signing.sign(visit_record.build(rec), keys, "test", (signing.Attachment(RECORD_FILE, body),))
    spot = good.index(b"ReportLab PDF Library")
    out = {"home": home, "good": good, "flipped": good[:spot] + b"Q" + good[spot + 1:],
           "appended": good + b"\n% appended after signing\n", "unsigned": visit_record.build(rec),
           "false_end": good + b"\n%%EOF\n"}
    for name in ("good", "flipped", "appended", "unsigned", "false_end"):
        (home / f"{name}.pdf").write_bytes(out[name])
    return out


def test_a_good_document_passes_and_says_who_signed(files):
    home = files["home"]
    out = run("verify", str(home / "good.pdf"), "--home", str(home))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "intact: the signed bytes are unchanged" in out.stdout
    assert "Trần Minh Khoa" in out.stdout and "DEVELOPMENT certificate" in out.stdout
    assert f"chains to the company CA ({trusted_ca_file(home)})" in out.stdout
    assert "nothing added" in out.stdout and "record QR:     matches" in out.stdout
    assert out.stdout.rstrip().endswith("result:        OK")


def test_every_spoilt_copy_is_named_with_its_problem_and_exit_1(files):
    home = files["home"]
    names = ("flipped", "appended", "unsigned", "false_end", "good")
    out = run("verify", *(str(home / f"{n}.pdf") for n in names), "--ca", str(trusted_ca_file(home)))
    assert out.returncode == 1
    reports = re.split(r"^(?=\S)", out.stdout, flags=re.M)[1:]  # each report starts unindented
    assert len(reports) == len(names)
    assert "BROKEN: the signed bytes were changed" in reports[0]
    assert "MODIFIED: content was added after signing" in reports[1]
    assert "the file carries no signature" in reports[2]
    assert "damaged or was changed after signing" in reports[3]
    assert "result:        OK" in reports[4]


def test_json_strict_and_missing_ca_or_file(files, tmp_path):
    home = files["home"]
    strict = run("verify", str(home / "good.pdf"), "--home", str(home), "--json", "--strict")
    assert strict.returncode == 1
    (report,) = json.loads(strict.stdout)
    assert report["intact"] and report["trusted"] and report["qr"] == "match" and not report["ok"]
    assert report["problems"] == ["the signer holds a DEVELOPMENT certificate, refused by --strict"]
    no_ca = run("verify", str(home / "good.pdf"), env={"FIELDAPP_HOME": str(tmp_path)})
    assert no_ca.returncode == 1 and "pass --ca FILE" in no_ca.stdout
    missing = run("verify", str(tmp_path / "nowhere.pdf"), "--home", str(home))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    no_ca_file = run("verify", str(home / "good.pdf"), "--ca", str(tmp_path / "ca.pem"))
    assert no_ca_file.returncode == 2 and "cannot read the CA certificate" in no_ca_file.stderr
    assert not (tmp_path / "fieldapp.db").exists()  # verify never creates a profile


def test_demo_data_makes_the_documents_of_the_past_visits(tmp_path):
    out = run("demo-data", "--customers", "40", "--today", "2026-11-22", "--home", str(tmp_path))
    assert out.returncode == 0, out.stderr
    with laptop_db.connect(tmp_path / "fieldapp.db") as con:
        finals = con.execute("SELECT count(*) FROM visit WHERE status='final'").fetchone()[0]
        kinds = dict(con.execute("SELECT kind, count(*) FROM document GROUP BY kind").fetchall())
        receipt = con.execute("SELECT data FROM document WHERE kind='receipt'").fetchone()[0]
    assert finals > 0 and kinds["visit_record"] == finals
    assert kinds["receipt"] >= 1 and kinds["agreement"] >= 1
    (tmp_path / "receipt.pdf").write_bytes(receipt)
    checked = run("verify", str(tmp_path / "receipt.pdf"), "--home", str(tmp_path))
    assert checked.returncode == 0, checked.stdout
