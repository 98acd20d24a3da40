"""docs/office-postgresql-roles.sql on a real server set up as docs/office-postgresql.md says:
TLS on (a CA and a server certificate made here with openssl), pg_hba with hostssl and
scram-sha-256 only. The owner migrates; a supervisor imports over TLS (sslmode=verify-full) but
cannot drop or change a table; the figures role only reads; a connection without TLS is
refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from fieldapp import pg_server
from tests.pg import _unavailable
from tests.unit.test_importers_decoding import cp1258
from tests.unit.test_importers_presets import S31

ROOT = Path(__file__).resolve().parents[2]
ROLES_SQL = ROOT / "docs" / "office-postgresql-roles.sql"
PASSWORDS = {"fieldapp_owner": "owner pw 1", "fieldapp_supervisor": "supervisor pw 2",
             "fieldapp_reader": "reader pw 3"}
HBA = """\
# TYPE    DATABASE         USER      ADDRESS        METHOD
local     all              postgres                 trust
hostnossl all              all       0.0.0.0/0      reject
hostnossl all              all       ::/0           reject
hostssl   fieldapp_office  all       127.0.0.1/32   scram-sha-256
hostssl   fieldapp_office  all       ::1/128        scram-sha-256
"""


def openssl(folder: Path, *args: str) -> None:
    done = subprocess.run(["openssl", *args], cwd=folder, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


def certificates(folder: Path) -> None:
    """A company CA and the server's certificate it signs, for 127.0.0.1 and localhost."""
    folder.mkdir()
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl(folder, "req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
            "-subj", "/CN=fieldapp test office CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl(folder, "req", *ec, "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=127.0.0.1")
    (folder / "server.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                       "basicConstraints=CA:FALSE\n"
                                       "extendedKeyUsage=serverAuth\n")
    openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "server.ext")


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """(server, CA certificate) of a throwaway server that takes TLS connections only."""
    if shutil.which("openssl") is None:
        _unavailable("openssl is not installed")
    certs = tmp_path_factory.mktemp("tls") / "certs"
    certificates(certs)

    def configure(data: Path) -> None:
        for name in ("server.crt", "server.key"):
            shutil.copy(certs / name, data / name)
        (data / "server.key").chmod(0o600)
        (data / "pg_hba.conf").write_text(HBA)
        with (data / "postgresql.conf").open("a") as conf:
            conf.write("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
                       "ssl_min_protocol_version = 'TLSv1.2'\n"
                       "password_encryption = 'scram-sha-256'\n")
    try:
        server = pg_server.start_server(configure=configure)
    except pg_server.PgUnavailable as exc:
        _unavailable(str(exc))
    try:
        pg_server.psql(server, ROLES_SQL.read_text("utf-8"))
        pg_server.psql(server, "".join(f"ALTER ROLE {role} PASSWORD '{pw}';\n"
                                       for role, pw in PASSWORDS.items()))
        yield server, certs / "ca.crt"
    finally:
        pg_server.stop_server(server)


def url(tls_server, role: str, sslmode: str = "verify-full") -> str:
    server, ca = tls_server
    return (f"postgresql+psycopg://{role}@127.0.0.1:{server.port}/fieldapp_office"
            f"?sslmode={sslmode}&sslrootcert={ca}")


def office(tls_server, role: str, *args, sslmode: str = "verify-full", home: Path):
    """`fieldapp office --db URL ...` as ``role``, its password from PGPASSWORD (not the URL)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PGPASSWORD=PASSWORDS[role],
               QT_QPA_PLATFORM="offscreen")
    env.pop("FIELDAPP_OFFICE_DB", None)
    cmd = [sys.executable, "-m", "fieldapp", "office", "--home", str(home), "--db",
           url(tls_server, role, sslmode), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


def engine(tls_server, role: str, sslmode: str = "verify-full"):
    return create_engine(url(tls_server, role, sslmode),
                         connect_args={"password": PASSWORDS[role], "connect_timeout": 10})


def test_owner_migrates_then_a_supervisor_works_over_tls_within_its_rights(tls_server,
                                                                           tmp_path):
    early = office(tls_server, "fieldapp_supervisor", "collectors", home=tmp_path / "lan")
    assert early.returncode != 0, early.stdout  # the tables are the owner's to make
    assert "its owner opens it once with this version first" in early.stderr
    assert "Traceback" not in early.stderr
    migrated = office(tls_server, "fieldapp_owner", "collectors", home=tmp_path / "owner")
    assert migrated.returncode == 0, migrated.stderr
    ar = tmp_path / "s31.csv"
    ar.write_bytes(cp1258(S31))
    imported = office(tls_server, "fieldapp_supervisor", "import-ar", ar, "--json",
                      "--skip-bad-rows", home=tmp_path / "lan")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout.splitlines()[0])["imported"] is True
    added = office(tls_server, "fieldapp_supervisor", "collectors", "add", "Trần Minh Khoa",
                   home=tmp_path / "lan")
    assert added.returncode == 0, added.stderr

    supervisor = engine(tls_server, "fieldapp_supervisor")
    try:
        with supervisor.connect() as conn:
            assert conn.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
            assert conn.execute(text("SELECT count(*) FROM invoice")).scalar() > 0
        for ddl in ("DROP TABLE invoice", "ALTER TABLE invoice ADD COLUMN note TEXT",
                    "TRUNCATE invoice", "CREATE TABLE mine (x INTEGER)"):
            with supervisor.connect() as conn, pytest.raises(ProgrammingError) as refused:
                conn.execute(text(ddl))
            assert getattr(refused.value.orig, "sqlstate", "") == "42501", ddl  # no privilege
    finally:
        supervisor.dispose()

    reader = engine(tls_server, "fieldapp_reader")
    try:
        with reader.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM collector")).scalar() == 1
        with reader.connect() as conn, pytest.raises(ProgrammingError):
            conn.execute(text("DELETE FROM collector"))
    finally:
        reader.dispose()


def test_a_connection_without_tls_is_refused(tls_server, tmp_path):
    plain = engine(tls_server, "fieldapp_owner", sslmode="disable")
    try:
        with pytest.raises(OperationalError) as refused:
            plain.connect().close()
    finally:
        plain.dispose()
    assert "no encryption" in str(refused.value) or "pg_hba.conf" in str(refused.value)
    cli = office(tls_server, "fieldapp_supervisor", "collectors", sslmode="disable",
                 home=tmp_path / "lan")
    assert cli.returncode != 0 and "takes encrypted connections only" in cli.stderr
    assert PASSWORDS["fieldapp_supervisor"] not in cli.stderr


def test_verify_full_refuses_a_server_the_company_ca_did_not_sign(tls_server, tmp_path):
    openssl(tmp_path, "req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "other.key", "-out",
            "other.crt", "-days", "2", "-subj", "/CN=another CA")
    other = create_engine(url(tls_server, "fieldapp_owner").replace(
        str(tls_server[1]), str(tmp_path / "other.crt")),
        connect_args={"password": PASSWORDS["fieldapp_owner"], "connect_timeout": 10})
    try:
        with pytest.raises(OperationalError) as refused:
            other.connect().close()
    finally:
        other.dispose()
    assert "certificate verify failed" in str(refused.value)
    from fieldapp.store.pg_connect import problem  # noqa: PLC0415
    assert problem(refused.value, other).code == "db.pg_certificate"
