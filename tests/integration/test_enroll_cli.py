"""Enrollment through the command line as a supervisor and a collector would script it: the
office's CA, a laptop's request, the answer, its installation, documents that verify against
the company CA, revocation; the office on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fieldapp.store.engine import open_store, open_url
from fieldapp.store.tables import CollectorRow
from tests.integration.sync_kit import PASSPHRASE, Office, run  # noqa: F401 (used elsewhere)
from tests import laptop_db

COLLECTOR = "Trần Minh Khoa"


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path):
    db = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    made = Office(tmp_path / "office", db)
    out = made.run("init", "--company", "Công ty Thu hồi nợ ACME")
    assert out.returncode == 0, out.stderr
    made.fingerprint = next(line.split(":", 1)[1].strip() for line in out.stdout.splitlines()
                            if "CA SHA-256" in line)
    made.add_collector(COLLECTOR, "c0000000-0000-4000-8000-000000000001")
    return made


def _enroll(office: Office, laptop: Path, tmp_path: Path, name="laptop") -> Path:
    request, answer = tmp_path / f"{name}.csr", tmp_path / f"{name}-answer.zip"
    made = run("enroll", "request", "--out", str(request), "--home", str(laptop))
    assert made.returncode == 0, made.stderr
    signed = office.run("enroll", str(request), "--collector", COLLECTOR, "--out", str(answer))
    assert signed.returncode == 0, signed.stderr
    return answer


def _public(key) -> bytes:
    return key.public_bytes(serialization.Encoding.DER,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def _a_document(laptop: Path, out: Path) -> Path:
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        data = con.execute("SELECT data FROM document WHERE kind='visit_record'").fetchone()[0]
    out.write_bytes(data)
    return out


def test_an_enrolled_laptop_signs_documents_that_verify_and_can_be_revoked(office, tmp_path):
    keys = office.home / "keys"
    for name in ("company-ca-key.pem", "office-key.pem"):
        assert (keys / name).read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        assert (keys / name).stat().st_mode & 0o077 == 0
    laptop = tmp_path / "laptop"
    answer = _enroll(office, laptop, tmp_path)
    device_key = laptop_db.read_key(laptop, "device-identity.pem")
    installed = run("enroll", "install", str(answer), "--home", str(laptop))
    assert installed.returncode == 0, installed.stderr
    assert office.fingerprint in installed.stdout and COLLECTOR in installed.stdout
    # The key the laptop made once is the one the company certified.
    key, cert = laptop_db.load_identity(laptop, "enrolled-identity.pem")
    assert _public(key.public_key()) == _public(device_key.public_key())
    assert "DEVELOPMENT" not in cert.subject.rfc4514_string()

    demo = run("demo-data", "--customers", "12", "--home", str(laptop))
    assert demo.returncode == 0, demo.stderr
    pdf = _a_document(laptop, tmp_path / "record.pdf")
    checked = run("verify", str(pdf), "--home", str(laptop), "--strict")
    assert checked.returncode == 0, checked.stdout
    assert "chains to the company CA" in checked.stdout
    assert "DEVELOPMENT" not in checked.stdout and COLLECTOR in checked.stdout

    (device,) = office.devices()
    assert device["collector"] == COLLECTOR and device["revoked_at"] is None
    assert device["device"] in installed.stdout
    out = office.run("revoke", device["device"][:8], "--reason", "máy bị mất ở Đà Nẵng")
    assert out.returncode == 0, out.stderr
    (listed,) = office.devices()
    assert listed["revoked_at"] and listed["reason"] == "máy bị mất ở Đà Nẵng"
    again = office.run("enroll", str(tmp_path / "laptop.csr"), "--collector", COLLECTOR,
                       "--out", str(tmp_path / "again.zip"))
    assert again.returncode == 2 and "revoked" in again.stderr
    assert not (tmp_path / "again.zip").exists()
    # The revocation list the packs will carry names the certificate the laptop was given.
    from fieldapp.services.office.app import build
    store = open_url(office.db) if office.db else open_store(office.home / "office.db")
    try:
        (line,) = build(store).enrollment.revoked_devices()
    finally:
        store.close()
    assert (line.device_id, line.serial) == (device["device"], format(cert.serial_number, "x"))
    assert line.reason == "máy bị mất ở Đà Nẵng"


@pytest.fixture
def sqlite_office(tmp_path):
    made = Office(tmp_path / "office", None)
    assert made.run("init").returncode == 0
    made.add_collector(COLLECTOR, "c0000000-0000-4000-8000-000000000001")
    return made


def test_the_company_ca_is_made_once_and_opened_only_with_its_passphrase(tmp_path):
    office = Office(tmp_path / "office", None)
    short = office.run("init", passphrase="short")
    assert short.returncode == 2 and "at least 8 characters" in short.stderr
    assert not (office.home / "keys" / "company-ca-key.pem").exists()
    no_ca = office.run("enroll", "x.csr", "--collector", COLLECTOR, "--out", "a.zip")
    assert no_ca.returncode == 2 and "fieldapp office init" in no_ca.stderr
    assert office.run("init").returncode == 0
    before = (office.home / "keys" / "company-ca.pem").read_bytes()
    again = office.run("init")
    assert again.returncode == 2 and "never replaced" in again.stderr
    assert (office.home / "keys" / "company-ca.pem").read_bytes() == before
    office.add_collector(COLLECTOR, "c0000000-0000-4000-8000-000000000001")

    assert run("enroll", "request", "--out", str(tmp_path / "r.csr"), "--home",
               str(tmp_path / "laptop")).returncode == 0
    answer = tmp_path / "answer.zip"
    wrong = office.run("enroll", str(tmp_path / "r.csr"), "--collector", COLLECTOR,
                       "--out", str(answer), passphrase="not the passphrase")
    assert wrong.returncode == 2 and "passphrase does not open" in wrong.stderr
    # A script that forgot the variable is told so, instead of waiting for a terminal.
    silent = office.run("enroll", str(tmp_path / "r.csr"), "--collector", COLLECTOR,
                        "--out", str(answer), passphrase=None)
    assert silent.returncode == 2 and "FIELDAPP_CA_PASSPHRASE" in silent.stderr
    unknown = office.run("enroll", str(tmp_path / "r.csr"), "--collector", "Nobody",
                         "--out", str(answer))
    assert unknown.returncode == 2 and "no collector named Nobody" in unknown.stderr
    assert not answer.exists() and office.devices() == []


def _rezip(answer: Path, member: str, change) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(answer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == member else data)
    return out.getvalue()


def test_a_laptop_installs_only_its_own_untouched_answer_and_keeps_its_key(sqlite_office,
                                                                           tmp_path):
    laptop, other = tmp_path / "laptop", tmp_path / "other"
    assert run("demo-data", "--customers", "12", "--home", str(laptop)).returncode == 0
    before = _a_document(laptop, tmp_path / "before.pdf")
    answer = _enroll(sqlite_office, laptop, tmp_path)
    key_before = laptop_db.read_key(laptop, "device-identity.pem")

    run("enroll", "request", "--out", str(tmp_path / "other.csr"), "--home", str(other))
    refused = run("enroll", "install", str(answer), "--home", str(other))
    assert refused.returncode == 2 and "another laptop" in refused.stderr
    assert not (other / "keys" / "enrolled-identity.pem").exists()
    changed = tmp_path / "changed.zip"
    changed.write_bytes(_rezip(answer, "enrollment.json",
                               lambda d: d.replace(COLLECTOR.encode(), b"Someone Else")))
    tampered = run("enroll", "install", str(changed), "--home", str(laptop))
    assert tampered.returncode == 2 and "enrollment.json" in tampered.stderr
    assert not (laptop / "keys" / "enrolled-identity.pem").exists()
    assert run("enroll", "install", str(answer), "--home", str(laptop)).returncode == 0

    # What was signed before enrolling is development work: no longer trusted by default,
    # still checkable against the development CA kept beside the company's.
    now_company = run("verify", str(before), "--home", str(laptop))
    assert now_company.returncode == 1 and "does NOT chain to the company CA" in now_company.stdout
    kept = run("verify", str(before), "--ca", str(laptop / "keys" / "dev-ca.pem"))
    assert kept.returncode == 0 and "DEVELOPMENT certificate" in kept.stdout

    # The collector is renamed at the office; the laptop asks again: same key, new name.
    renamed = "Trần Minh Khoa (Đà Nẵng)"
    store = open_store(sqlite_office.home / "office.db")
    try:
        with store.sessions.begin() as session:
            session.get(CollectorRow, "c0000000-0000-4000-8000-000000000001").name = renamed
    finally:
        store.close()
    again = tmp_path / "again.csr"
    assert run("enroll", "request", "--out", str(again), "--home", str(laptop)).returncode == 0
    request = x509.load_pem_x509_csr(again.read_bytes())
    assert _public(request.public_key()) == _public(key_before.public_key())
    answer2 = tmp_path / "again.zip"
    signed = sqlite_office.run("enroll", str(again), "--collector", renamed, "--out", str(answer2))
    assert signed.returncode == 0, signed.stderr
    assert run("enroll", "install", str(answer2), "--home", str(laptop)).returncode == 0
    key, cert = laptop_db.load_identity(laptop, "enrolled-identity.pem")
    assert _public(key.public_key()) == _public(key_before.public_key())
    assert renamed in cert.subject.rfc4514_string()
    (device,) = sqlite_office.devices()
    assert device["collector"] == renamed


def _on_a_terminal(args, answers: list[str]) -> tuple[int, str]:
    """Run with a terminal for stdin and stderr, as a supervisor at a keyboard would (no
    variable set), typing each answer once its prompt shows: getpass flushes what was typed
    ahead. Returns the exit status and what the terminal showed."""
    import select
    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_CA_PASSPHRASE"}
    # A session of its own: getpass finds no other terminal than the one given here.
    child = subprocess.Popen([sys.executable, "-m", "fieldapp", *args], stdin=slave,
                             stderr=slave, stdout=subprocess.DEVNULL, start_new_session=True,
                             env=dict(env, QT_QPA_PLATFORM="offscreen"))
    os.close(slave)
    shown, pending = "", list(answers)
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                raise TimeoutError(f"no output from {args}; the terminal showed {shown!r}")
            try:
                chunk = os.read(master, 4096).decode(errors="replace")
            except OSError:  # the child closed the terminal: it has ended
                break
            if not chunk:
                break
            shown += chunk
            # A prompt is the last thing shown, not followed by the newline getpass writes
            # after an answer: typing earlier would be flushed by the next getpass.
            if pending and shown.endswith(": "):
                os.write(master, (pending.pop(0) + "\n").encode())
        return child.wait(timeout=120), shown
    finally:
        os.close(master)
        if child.poll() is None:
            child.kill()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_the_passphrase_is_asked_twice_on_the_terminal(tmp_path):
    home = str(tmp_path / "office")
    status, shown = _on_a_terminal(["office", "init", "--home", home],
                                   ["first passphrase", "second one"])
    assert status == 2 and "passphrases typed differ" in shown
    assert "first passphrase" not in shown  # not echoed
    assert not (tmp_path / "office" / "keys" / "company-ca-key.pem").exists()
    status, shown = _on_a_terminal(["office", "init", "--home", home], [PASSPHRASE, PASSPHRASE])
    assert status == 0, shown
    assert shown.count("Passphrase of the company CA:") == 1 and "again" in shown
    office = Office(tmp_path / "office", None)
    assert office.run("devices").returncode == 0
    # The passphrase typed is the one that opens the CA (a script gives the same by variable).
    office.add_collector(COLLECTOR, "c0000000-0000-4000-8000-000000000001")
    assert run("enroll", "request", "--out", str(tmp_path / "r.csr"), "--home",
               str(tmp_path / "laptop")).returncode == 0
    signed = office.run("enroll", str(tmp_path / "r.csr"), "--collector", COLLECTOR, "--out",
                        str(tmp_path / "a.zip"))
    assert signed.returncode == 0, signed.stderr
