"""Open a store: engine with SQLite pragmas, session factory, schema brought up to date."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

# hide_parameters: a failed statement's message (logged with its traceback) would otherwise carry
# the values it wrote: whole record JSON with signature strokes, customer notes, document bytes.
from sqlalchemy.orm import Session, sessionmaker

from . import health, migrations, pg_connect

# A second process on the same file (``verify``, ``demo-data`` refusing, a benchmark, the office's
# tools) may hold the write lock for a moment: wait for it rather than fail "database is locked".
BUSY_TIMEOUT_S = 30


@dataclass
class Store:
    """An open database: the engine, its session factory and, for SQLite, the file."""

    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    key: bytes | None = None  # SQLCipher's raw key: the laptop profile is encrypted

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # Take transaction control from the sqlite3 module, which would run DDL outside any
    # transaction; _begin below then makes every SQLAlchemy transaction a real one.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL lets the GUI read while the worker writes; NORMAL is durable across app crashes.
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                   "temp_store=MEMORY", "cache_size=-32000", "mmap_size=268435456"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


# SQLCipher cannot memory-map an encrypted file: every page read outside SQLite's own cache is
# read and decrypted again. A larger cache keeps a search's and a customer's pages decrypted.
ENCRYPTED_CACHE_KIB = 96_000


def _cipher_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")


class Sessions(sessionmaker):
    """Sessions of one store. ``begin()`` is how services write: on SQLite it takes the write
    lock up front (BEGIN IMMEDIATE), so a second writer (a test thread, a tool beside the window)
    waits out the busy timeout. A deferred transaction that read first and writes after another
    connection committed fails at once with "database is locked", whatever the timeout: SQLite
    cannot upgrade a stale read snapshot. Reads stay deferred and never wait for a writer."""

    @contextlib.contextmanager
    def begin(self):
        bind = self.kw["bind"]
        with self(bind=bind.execution_options(**{_WRITE: True})) as session, session.begin():
            yield session


_WRITE = "fieldapp_write"


def _begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE)
                         else "BEGIN")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def open_store(path: Path, backup_dir: Path | None = None, key: bytes | None = None) -> Store:
    """Open (creating or migrating) the SQLite database at ``path``; with ``key``, an
    SQLCipher database encrypted with that raw key (store/laptop.py gives it)."""
    path = Path(path)
    health.check_file(path, encrypted=key is not None)  # a damaged file or a folder is said
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # owner-only; SQLite gives its -wal and -shm files the same mode
            path.touch(mode=0o600)
    except OSError as exc:
        problem = health.from_os_error(exc, path)
        raise problem from exc
    engine = _engine(path, key)
    event.listen(engine, "connect", _sqlite_pragmas)
    if key is not None:
        event.listen(engine, "connect", _cipher_pragmas)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "handle_error", lambda context: _file_problem(context, path))
    store = Store(engine, Sessions(engine, expire_on_commit=False), path, key)
    try:
        migrations.upgrade(store, backup_dir or path.parent / "backups")
    except (OSError, *health.driver_errors()) as exc:  # the backup before migrating
        engine.dispose()
        problem = health.from_os_error(exc, path) if isinstance(exc, OSError) \
            else health.from_sqlite_error(exc, path)
        raise (problem or exc) from exc
    except Exception:
        engine.dispose()
        raise
    return store


def _engine(path: Path, key: bytes | None) -> Engine:
    if key is None:
        return create_engine(sqlite_url(path), hide_parameters=True, connect_args={
            "check_same_thread": False, "timeout": BUSY_TIMEOUT_S})
    from . import cipher  # noqa: PLC0415 (plain stores never load SQLCipher)
    # The plain sqlite dialect over sqlcipher3 (its errors are wrapped like sqlite3's); each new
    # connection is keyed before anything else reads the file. The file URL keeps the pool
    # per-connection as for a plain file.
    return create_engine(sqlite_url(path), module=cipher.dbapi(), hide_parameters=True,
                         creator=lambda: cipher.connect(path, key, BUSY_TIMEOUT_S, check=False))


def _file_problem(context, path: Path) -> None:
    """A full disk, a damaged or read-only file become coded errors that say what and where,
    wherever the statement ran (a draft's autosave, finalizing, a search)."""
    problem = health.from_sqlite_error(context.original_exception, path)
    if problem is not None:
        raise problem from context.original_exception


def open_url(url: str) -> Store:
    """Open a store by SQLAlchemy URL (the office's PostgreSQL, or SQLite)."""
    if url.startswith("sqlite:///"):
        return open_store(Path(url.removeprefix("sqlite:///")))
    engine = pg_connect.engine_for(url)
    store = Store(engine, Sessions(engine, expire_on_commit=False), None)
    try:
        migrations.upgrade(store, None)
    except Exception as exc:
        engine.dispose()
        coded = pg_connect.problem(exc, engine)
        if coded is not None:
            raise coded from None  # the driver's text may quote the URL: never the password
        raise
    return store
