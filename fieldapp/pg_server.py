"""A throwaway local PostgreSQL server (initdb in a folder, a free loopback port, trust
authentication): for the tests and for `fieldapp bench` when no server is given.

Root may not run initdb: as root (CI, a dev VM) the server runs as the ``postgres`` user the
Debian package creates. Missing binaries or driver raise PgUnavailable with the reason."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class PgUnavailable(Exception):
    """No local PostgreSQL can be started here; the text says why."""


@dataclass
class PgServer:
    port: int
    folder: Path
    started_in: float  # seconds taken by initdb and start
    keep: bool = False  # a kept data folder (the bench's) is stopped, never deleted

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


def bin_dir() -> Path | None:
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


def _runner() -> list[str]:
    """Commands run as the postgres user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        raise PgUnavailable("running as root, and runuser is missing to run PostgreSQL as "
                            "'postgres'")
    try:
        import pwd
        pwd.getpwnam("postgres")
    except KeyError:
        raise PgUnavailable("running as root, and there is no 'postgres' user to run the "
                            "server") from None
    return ["runuser", "-u", "postgres", "--"]


def _open_to_others(folder: Path) -> bool:
    """Can another user (the server's) pass through ``folder`` and every folder above it?"""
    path = folder.resolve()
    while not path.exists():
        path = path.parent
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents))


def _run(cmd: list[str], folder: Path) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        log = folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}"
                           f"{result.stderr}{tail}")


def start_server(folder: Path | None = None,
                 configure: Callable[[Path], None] | None = None) -> PgServer:
    """Start a server on a new temporary folder, or on ``folder`` (made by an earlier start
    and kept: the bench's 100,000 customers are loaded once). As root the server runs as
    'postgres', which cannot reach a folder in root's home: a temporary one serves then.
    ``configure(data folder)`` writes settings, pg_hba.conf, certificates before the start (a
    test of TLS and roles); they are handed to the server's user."""
    binaries = bin_dir()
    if binaries is None:
        raise PgUnavailable("initdb not found (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PgUnavailable("the psycopg driver is not installed (pip install "
                            "'psycopg[binary]')") from None
    runner = _runner()
    began = time.perf_counter()
    if folder is not None and runner and not _open_to_others(folder.parent):
        folder = None  # the postgres user could not reach it (root's home): a throwaway one
    keep = folder is not None
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    if runner:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o700)
    data, port = folder / "data", _free_port()
    if not (data / "PG_VERSION").exists():
        # Trust on a loopback-only throwaway; no fsync: nothing here must survive a crash.
        _run([*runner, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A",
              "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], folder)
    if configure is not None:
        configure(data)
        if runner:
            for path in (data, *data.rglob("*")):
                shutil.chown(path, "postgres", "postgres")
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    _run([*runner, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
          "-w", "-o", options, "start"], folder)
    return PgServer(port, folder, time.perf_counter() - began, keep)


def psql(server: PgServer, script: str, database: str = "postgres") -> str:
    """Run ``script`` with psql as the superuser over the server's local socket (stops at the
    first error); its output."""
    result = subprocess.run(
        [*_runner(), str(bin_dir() / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
         str(server.folder), "-p", str(server.port), "-U", "postgres", "-d", database, "-f",
         "-"], input=script, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"psql failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def stop_server(server: PgServer) -> None:
    try:
        _run([*_runner(), str(bin_dir() / "pg_ctl"), "-D", str(server.folder / "data"), "-m",
              "fast", "-w", "stop"], server.folder)
    finally:
        if not server.keep:
            shutil.rmtree(server.folder, ignore_errors=True)
