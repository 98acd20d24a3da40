"""A throwaway PostgreSQL server for the tests (fieldapp/pg_server.py): initdb in a temp folder,
loopback port, dropped at the end of the session. A fresh schema per test.

Without the server binaries the PostgreSQL tests are skipped, except in CI (``CI=true``), where
that is a failure."""

from __future__ import annotations

import itertools
import os

import pytest

from fieldapp import pg_server as server_code
from fieldapp.pg_server import PgServer, stop_server  # noqa: F401 (used by other tests)

_names = itertools.count(1)


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def start_server() -> PgServer:
    try:
        return server_code.start_server()
    except server_code.PgUnavailable as exc:
        _unavailable(str(exc))


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
