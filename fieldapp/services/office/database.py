"""Where the office's data lives, said without secrets (the window's status bar shows it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatabasePlace:
    """A SQLite file (``path``) or a PostgreSQL server (``host``, ``port``, ``name``, ``user``);
    the password never leaves the URL."""

    engine: str  # "sqlite" or "postgresql"
    path: str = ""
    host: str = ""
    port: int | None = None
    name: str = ""
    user: str = ""
    encrypted: bool = False  # a SQLite file encrypted with SQLCipher


def place_of(store) -> DatabasePlace:
    """The database ``store`` works on."""
    url = store.engine.url
    if store.is_sqlite:
        return DatabasePlace("sqlite", path=str(store.path or url.database or ""),
                             encrypted=getattr(store, "key", None) is not None)
    return DatabasePlace(url.get_backend_name(), host=url.host or "localhost", port=url.port,
                         name=url.database or "", user=url.username or "")
