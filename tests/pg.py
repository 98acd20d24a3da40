"""A throwaway PostgreSQL server for the tests: initdb in a temp folder, loopback port, dropped
at the end of the session. A fresh schema per test.

Root may not run initdb: as root (CI, the dev VM) the server runs as the ``postgres`` user the
Debian package creates. Without the server binaries the PostgreSQL tests are skipped, except in
CI (``CI=true``), where that is a failure."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

_names = itertools.count(1)


@dataclass
class PgServer:
    port: int
    folder: Path
    started_in: float  # seconds taken by initdb and start

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _runner() -> list[str]:
    """Commands run as the postgres user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        _unavailable("running as root, and runuser is missing to run PostgreSQL as 'postgres'")
    try:
        import pwd
        pwd.getpwnam("postgres")
    except KeyError:
        _unavailable("running as root, and there is no 'postgres' user to run the server")
    return ["runuser", "-u", "postgres", "--"]


def _run(cmd: list[str], folder: Path) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        log = folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}"
                           f"{result.stderr}{tail}")


def start_server() -> PgServer:
    bin_dir = _bin_dir()
    if bin_dir is None:
        _unavailable("initdb not found (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("the psycopg driver is not installed (pip install 'psycopg[binary]')")
    runner = _runner()
    began = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    if runner:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o700)
    data, port = folder / "data", _free_port()
    # Trust on a loopback-only throwaway; no fsync: nothing here must survive a crash.
    _run([*runner, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], folder)
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    _run([*runner, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
          "-w", "-o", options, "start"], folder)
    return PgServer(port, folder, time.perf_counter() - began)


def stop_server(server: PgServer) -> None:
    bin_dir = _bin_dir()
    try:
        _run([*_runner(), str(bin_dir / "pg_ctl"), "-D", str(server.folder / "data"), "-m", "fast",
              "-w", "stop"], server.folder)
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    server = start_server()
    yield server
    stop_server(server)


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, empty schema (as the search path), dropped after the test: as good as
    a new database for the store, and a hundred times quicker to make than CREATE DATABASE."""
    from sqlalchemy import create_engine, text

    name = f"t{os.getpid()}_{next(_names)}"
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    yield pg_server.url() + f"?options=-csearch_path%3D{name}"
    with admin.connect() as conn:
        # Sessions a failed test left open would hold locks on the schema's tables.
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE pid <> pg_backend_pid() AND datname = 'postgres'"))
        conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
    admin.dispose()
