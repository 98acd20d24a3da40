"""Shared helpers of the sync tests: the program run as a subprocess, an office profile driven
through `fieldapp office`, and the field records a laptop made against those the office holds."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from fieldapp.store.engine import open_store, open_url
from fieldapp.store.tables import CollectorRow
from tests import laptop_db

PASSPHRASE = "Mật khẩu công ty 2026"
KINDS = ("visit", "outcome", "payment", "allocation", "document", "attachment")
_KEY = {"visit": "uuid", "outcome": "uuid", "attachment": "uuid", "payment": "id",
        "allocation": "id", "document": "id"}


def run(*args, env=None, passphrase=PASSPHRASE):
    full = {k: v for k, v in os.environ.items() if k != "FIELDAPP_CA_PASSPHRASE"}
    full.update(QT_QPA_PLATFORM="offscreen", **(env or {}))
    if passphrase is not None:
        full["FIELDAPP_CA_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], capture_output=True,
                          text=True, env=full, timeout=300, stdin=subprocess.DEVNULL)


class Office:
    def __init__(self, home: Path, db: str | None):
        self.home, self.db = home, db

    def run(self, *args, **kw):
        where = ["--home", str(self.home)] + (["--db", self.db] if self.db else [])
        return run("office", *args, *where, **kw)

    def open(self):
        """The office's store (the caller closes it)."""
        return open_url(self.db) if self.db else open_store(self.home / "office.db")

    def add_collector(self, name: str, cid: str) -> None:
        store = self.open()
        try:
            with store.sessions.begin() as session:
                session.add(CollectorRow(id=cid, name=name, created_at="2026-11-29T00:00:00+00:00"))
        finally:
            store.close()

    def devices(self) -> list[dict]:
        out = self.run("devices", "--json")
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)


def laptop_records(laptop: Path) -> dict[str, set[str]]:
    """The ids of every field record the laptop made that travels: final visits and what
    hangs on them, and every document."""
    final = "SELECT uuid FROM visit WHERE status = 'final'"
    queries = {
        "visit": final,
        "outcome": f"SELECT uuid FROM outcome WHERE visit_uuid IN ({final})",
        "payment": f"SELECT id FROM payment WHERE visit_uuid IN ({final})",
        "allocation": "SELECT allocation.id FROM allocation JOIN payment ON payment.id = "
                      f"allocation.payment_id WHERE payment.visit_uuid IN ({final})",
        "document": "SELECT id FROM document",
        "attachment": f"SELECT uuid FROM attachment WHERE visit_uuid IN ({final})"}
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        return {k: {r[0] for r in con.execute(q)} for k, q in queries.items()}


def laptop_counts(laptop: Path) -> dict[str, int]:
    return {k: len(v) for k, v in laptop_records(laptop).items()}


def office_records(store) -> dict[str, list[str]]:
    """Every field record id the office holds, per kind (a list: a double would show)."""
    with store.engine.connect() as conn:
        return {k: [r[0] for r in conn.execute(text(f"SELECT {_KEY[k]} FROM {k}"))]
                for k in KINDS}


def sent_records(laptop: Path) -> dict[str, set[str]]:
    """The ids the laptop's bundles carried."""
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        return {k: {r[0] for r in con.execute(
            "SELECT record_id FROM sync_sent WHERE kind = ?", (k,))} for k in KINDS}


def office_ids(office: Office, laptop: Path) -> dict[str, set[str]]:
    """The ids of the records the laptop sent that the office holds."""
    ours = sent_records(laptop)
    store = office.open()
    try:
        held = office_records(store)
    finally:
        store.close()
    return {k: set(held[k]) & ours[k] for k in KINDS}


def outbox(laptop: Path) -> list[tuple[int, bool]]:
    """(seq, bytes still kept) of every bundle the laptop made."""
    with laptop_db.connect(laptop / "fieldapp.db") as con:
        return con.execute("SELECT seq, data IS NOT NULL FROM sync_outbox ORDER BY seq").fetchall()
