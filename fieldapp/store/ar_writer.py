"""One receivables import written set-based: rows straight into ``invoice`` on a source's first
import, else staged in a temporary table and compared with the stored invoices of their source
in a few statements."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from ..domain.ids import new_id
from . import search_index
from .ar_sql import (CLOSE, CLOSE_SCOPED, DIRECT_COPY, DIRECT_SQLITE, INSERT, INSERT_CUSTOMER,
                     STAGE_COLUMNS, STAGE_INSERT, UPDATE_PG, UPDATE_SQLITE)
from .tables import ArImportRow

CHUNK = 5_000  # rows per executemany (or COPY flush)
_LOCK_KEY = 7_211_003  # pg_advisory_xact_lock: one receivables import at a time per database


@dataclass(frozen=True)
class Counts:
    customers_created: int
    customers_updated: int
    invoices_created: int
    invoices_updated: int
    invoices_closed: int
    customer_ids: frozenset


class ArWriter:
    """One import inside the caller's transaction (``session``): ``prepare()`` first.

    The first import of a source writes its rows straight into ``invoice`` (nothing to compare
    with); a later one stages them in a temporary table and compares set-based. A row is the
    tuple (seq, line, customer id, number, issued, due, dated 0/1, amount, open, currency,
    closed) appended to ``rows``; ``flush()`` every CHUNK rows. New customers are written before
    the rows that need them."""

    def __init__(self, session, source: str):
        self.session, self.source = session, source
        self.conn = session.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"
        self.customers: dict[str, tuple[int, str]] = {}
        self.created: list[int] = []
        self.renamed: dict[int, str] = {}
        self.rows: list[tuple] = []
        self.direct = False
        self.base = 0  # invoice ids are base + seq (ids are the office's own, no sequence)
        self._next_customer = 0
        self._new: list[dict] = []
        self._lines = array("I")  # seq → file line (direct mode: duplicates are told by line)
        self._written = 0

    def prepare(self) -> None:
        """Wait for any other import (PostgreSQL; SQLite's write lock does it already), then
        read what the rows are compared with."""
        conn = self.conn
        if not self.sqlite:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
        self.customers = {code: (cid, name) for cid, code, name in
                          conn.exec_driver_sql("SELECT id, code, name FROM customer")}
        self._next_customer = conn.exec_driver_sql(
            "SELECT COALESCE(MAX(id), 0) FROM customer").scalar() + 1
        self.base = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM invoice").scalar()
        self.direct = conn.execute(text("SELECT 1 FROM invoice WHERE source = :src LIMIT 1"),
                                   {"src": self.source}).first() is None
        if not self.direct:
            self._create_stage()

    def customer(self, code: str, name: str, currency: str, country: str, language: str,
                 since: date) -> int:
        """The id of customer ``code``, made when missing (written at the next flush); a
        changed name is noted. The collector, territory and all else stay as they are."""
        known = self.customers.get(code)
        if known is None:
            cid = self._next_customer
            self._next_customer += 1
            self.customers[code] = (cid, name)
            self.created.append(cid)
            self._new.append({"id": cid, "code": code, "name": name, "since": since,
                              "currency": currency, "country": country, "language": language})
            return cid
        cid, stored = known
        if name and name != stored and name != code:  # a file without names gives the code
            self.renamed[cid] = name
            self.customers[code] = (cid, name)
        return cid

    # -- rows ----------------------------------------------------------------------------------

    def _create_stage(self) -> None:
        date_type = "TEXT" if self.sqlite else "DATE"
        self.conn.exec_driver_sql("DROP TABLE IF EXISTS ar_stage")
        self.conn.exec_driver_sql(
            f"CREATE TEMP TABLE ar_stage (seq INTEGER NOT NULL, line INTEGER NOT NULL, "
            f"customer_id INTEGER NOT NULL, number VARCHAR(40) NOT NULL, "
            f"issued_on {date_type} NOT NULL, due_on {date_type} NOT NULL, "
            f"dated INTEGER NOT NULL, amount BIGINT NOT NULL, open_amount BIGINT NOT NULL, "
            f"currency VARCHAR(3) NOT NULL, closed_on {date_type})"
            + ("" if self.sqlite else " ON COMMIT DROP"))

    def flush(self) -> None:
        if self._new:
            for start in range(0, len(self._new), CHUNK):
                self.conn.execute(INSERT_CUSTOMER, self._new[start:start + CHUNK])
            self._new.clear()
        rows = self.rows
        if not rows:
            return
        self._written += len(rows)
        if self.direct:
            self._lines.extend(r[1] for r in rows)
        dbapi = self.conn.connection.dbapi_connection
        if self.sqlite:
            cursor = dbapi.cursor()
            if self.direct:
                cursor.executemany(DIRECT_SQLITE.format(base=int(self.base)), [
                    (*r, self.source) for r in rows])
            else:
                cursor.executemany(STAGE_INSERT, rows)
        else:
            self._copy(dbapi, rows)
        rows.clear()

    def _copy(self, dbapi, rows) -> None:
        with dbapi.cursor() as cur:
            if self.direct:
                base, source = self.base, self.source
                with cur.copy(DIRECT_COPY) as copy:
                    for r in rows:
                        copy.write_row((base + r[0], r[2], r[3], r[4], r[5], r[7], r[8], r[9],
                                        False, source, r[10]))
            else:
                with cur.copy(f"COPY ar_stage ({', '.join(STAGE_COLUMNS)}) FROM STDIN") as copy:
                    for r in rows:
                        copy.write_row(r)

    def duplicates(self) -> list[tuple[int, int, str, int]]:
        """(later line, first line, number, customer id) of keys written twice: a credit and an
        invoice with one number, or two long numbers shortened alike."""
        self.flush()
        if self.direct:
            return self._direct_duplicates()
        self.conn.exec_driver_sql("CREATE INDEX ix_ar_stage_key ON ar_stage (customer_id, number)")
        rows = self.conn.exec_driver_sql(
            "SELECT s.line, f.line, s.number, s.customer_id FROM ar_stage s JOIN ar_stage f "
            "ON f.customer_id = s.customer_id AND f.number = s.number AND f.seq < s.seq "
            "AND NOT EXISTS (SELECT 1 FROM ar_stage e WHERE e.customer_id = s.customer_id "
            "AND e.number = s.number AND e.seq < f.seq) ORDER BY s.line").all()
        return [tuple(r) for r in rows]

    def _direct_duplicates(self):
        groups = self.conn.execute(text(
            "SELECT customer_id, number FROM invoice WHERE source = :src GROUP BY customer_id, "
            "number HAVING COUNT(*) > 1"), {"src": self.source}).all()
        found = []
        for cid, number in groups:
            ids = self.conn.execute(text(
                "SELECT id FROM invoice WHERE source = :src AND customer_id = :cid AND "
                "number = :number ORDER BY id"), {"src": self.source, "cid": cid,
                                                  "number": number}).scalars().all()
            lines = [self._lines[i - self.base - 1] for i in ids]
            found += [(line, lines[0], number, cid) for line in lines[1:]]
        return sorted(found)

    def drop_lines(self, lines) -> None:
        """Leave out the rows of these file lines (duplicates skipped with the bad rows)."""
        lines = sorted(set(lines))
        if self.direct:
            where = {line: seq for seq, line in enumerate(self._lines, start=1)}
            ids = [self.base + where[line] for line in lines]
            table, column = "invoice", "id"
        else:
            ids, table, column = lines, "ar_stage", "line"
        for start in range(0, len(ids), CHUNK):
            part = ",".join(map(str, ids[start:start + CHUNK]))
            self.conn.exec_driver_sql(f"DELETE FROM {table} WHERE {column} IN ({part})")
        self._written -= len(lines)

    # -- applying ------------------------------------------------------------------------------

    def apply(self, today: date, close_scope: str) -> Counts:
        """Names changed, then (staged) invoices closed, updated and added, set-based.
        ``close_scope`` 'source' closes any invoice of the source the file no longer lists,
        'customers' only those of customers the file lists (a ledger of some customers), 'none'
        nothing (rows were skipped)."""
        self.flush()
        for cid, name in self.renamed.items():
            # A new version: a laptop's edit made on the old one is judged against it.
            self.conn.execute(text("UPDATE customer SET name = :name, "
                                   "row_version = row_version + 1 WHERE id = :id"),
                              {"name": name, "id": cid})
        self._refresh_search(self.created + list(self.renamed))
        touched = frozenset(self.created + list(self.renamed))
        if self.direct:
            return Counts(len(self.created), len(self.renamed), self._written, 0, 0, touched)
        src = {"src": self.source, "today": today if not self.sqlite else today.isoformat()}
        closed = 0 if close_scope == "none" else self._run(
            CLOSE + (CLOSE_SCOPED if close_scope == "customers" else ""), src)
        updated = self._run(UPDATE_SQLITE if self.sqlite else UPDATE_PG, src)
        created = self._run(INSERT, {**src, "base": self.base})
        self.conn.exec_driver_sql("DROP TABLE ar_stage")
        return Counts(len(self.created), len(self.renamed), created, updated, closed, touched)

    def _run(self, sql: str, params: dict) -> int:
        return self.conn.execute(text(sql), params).rowcount

    def _refresh_search(self, ids) -> None:
        ids = sorted(set(ids))
        for start in range(0, len(ids), CHUNK):
            search_index.refresh(self.conn, ids[start:start + CHUNK])

    def record(self, at: str, actor: str, file_name: str, sha256: str, report: str) -> str:
        row = ArImportRow(id=new_id(), at=at, actor=actor, file_name=file_name,
                          source=self.source, sha256=sha256, report=report)
        self.session.add(row)
        self.session.flush()
        return row.id


