"""Receivables imports written set-based: rows staged in a temporary table, then compared with
the stored invoices of their source in a few statements; saved source mappings."""

from __future__ import annotations

import contextlib
from array import array
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from . import search_index
from .engine import _WRITE
from .tables import ArImportRow, ArSourceRow

CHUNK = 5_000  # staged rows per executemany (or COPY flush)
_LOCK_KEY = 7_211_003  # pg_advisory_xact_lock: one receivables import at a time per database

_STAGE_COLUMNS = ("seq", "line", "customer_id", "number", "issued_on", "due_on", "dated",
                  "amount", "open_amount", "currency", "closed_on")
_STAGE_INSERT = f"INSERT INTO ar_stage VALUES ({','.join('?' * len(_STAGE_COLUMNS))})"


# -- saved sources ------------------------------------------------------------------------------

def source_names(session) -> list[str]:
    return list(session.scalars(select(ArSourceRow.name)))


def load_source(session, name: str) -> str | None:
    return session.scalar(select(ArSourceRow.mapping).where(ArSourceRow.name == name))


def save_source(session, name: str, base: str, mapping: str, at: str) -> None:
    row = session.get(ArSourceRow, name)
    if row is None:
        session.add(ArSourceRow(name=name, preset=base, mapping=mapping, updated_at=at))
    else:
        row.preset, row.mapping, row.updated_at = base, mapping, at


def delete_source(session, name: str) -> bool:
    return session.execute(delete(ArSourceRow).where(ArSourceRow.name == name)).rowcount > 0


# -- imports ------------------------------------------------------------------------------------

PATIENCE_S = 1800  # how long an import waits for another one (or any writer) on SQLite


@contextlib.contextmanager
def import_session(store):
    """A session in one write transaction, like ``store.sessions.begin()``, that waits as long as
    another import may take: a million-line import holds SQLite's write lock for minutes, and
    the usual busy timeout would fail the second one with "database is locked". PostgreSQL
    imports queue on an advisory lock instead (ArWriter.prepare).

    On SQLite the import's connection also keeps its staging table in a temporary file and
    reads the database without memory mapping, so a million rows stay within bounded memory
    (mapped pages of a large database count as the process's memory); both are put back after."""
    if not store.is_sqlite:
        with store.sessions.begin() as session:
            yield session
        return
    with store.engine.connect() as conn:
        # Outside any transaction (temp_store cannot change inside one): the driver's own.
        raw = conn.connection.dbapi_connection
        kept = {p: raw.execute(f"PRAGMA {p}").fetchone()[0] for p in _IMPORT_PRAGMAS}
        _pragmas(raw, {"busy_timeout": PATIENCE_S * 1000, "temp_store": 1, "mmap_size": 0})
        try:
            with Session(bind=conn.execution_options(**{_WRITE: True}),
                         expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            _pragmas(raw, kept)


_IMPORT_PRAGMAS = ("busy_timeout", "temp_store", "mmap_size")


def _pragmas(raw, values: dict) -> None:
    for name, value in values.items():
        raw.execute(f"PRAGMA {name} = {int(value)}")


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
                self.conn.execute(_INSERT_CUSTOMER, self._new[start:start + CHUNK])
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
                cursor.executemany(_DIRECT_SQLITE.format(base=int(self.base)), [
                    (*r, self.source) for r in rows])
            else:
                cursor.executemany(_STAGE_INSERT, rows)
        else:
            self._copy(dbapi, rows)
        rows.clear()

    def _copy(self, dbapi, rows) -> None:
        with dbapi.cursor() as cur:
            if self.direct:
                base, source = self.base, self.source
                with cur.copy(_DIRECT_COPY) as copy:
                    for r in rows:
                        copy.write_row((base + r[0], r[2], r[3], r[4], r[5], r[7], r[8], r[9],
                                        False, source, r[10]))
            else:
                with cur.copy(f"COPY ar_stage ({', '.join(_STAGE_COLUMNS)}) FROM STDIN") as copy:
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
            self.conn.execute(text("UPDATE customer SET name = :name WHERE id = :id"),
                              {"name": name, "id": cid})
        self._refresh_search(self.created + list(self.renamed))
        touched = frozenset(self.created + list(self.renamed))
        if self.direct:
            return Counts(len(self.created), len(self.renamed), self._written, 0, 0, touched)
        src = {"src": self.source, "today": today if not self.sqlite else today.isoformat()}
        closed = 0 if close_scope == "none" else self._run(
            _CLOSE + (_CLOSE_SCOPED if close_scope == "customers" else ""), src)
        updated = self._run(_UPDATE_SQLITE if self.sqlite else _UPDATE_PG, src)
        created = self._run(_INSERT, {**src, "base": self.base})
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


# Straight into invoice (a source's first import): ?1 is the row's seq, ?12 the source.
_DIRECT_SQLITE = ("INSERT INTO invoice (id, customer_id, contract_id, number, issued_on, due_on, "
                  "amount_minor, open_minor, currency, disputed, source, closed_on) VALUES "
                  "(?1 + {base}, ?3, NULL, ?4, ?5, ?6, ?8, ?9, ?10, 0, ?12, ?11)")
_DIRECT_COPY = ("COPY invoice (id, customer_id, number, issued_on, due_on, amount_minor, "
                "open_minor, currency, disputed, source, closed_on) FROM STDIN")

_INSERT_CUSTOMER = text(
    "INSERT INTO customer (id, code, name, tax_code, phone, address, district, province, "
    "country, business_status, business_notes, financial_notes, personality_notes, "
    "cooperation_since, credit_limit_minor, currency, language, territory) VALUES (:id, :code, "
    ":name, '', '', '', '', '', :country, 'active', '', '', '', :since, 0, :currency, :language, "
    "'')")

# An invoice of the source the file does not list any more was paid or written off.
_CLOSE = ("UPDATE invoice SET open_minor = 0, closed_on = :today WHERE source = :src "
          "AND closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM ar_stage s WHERE "
          "s.customer_id = invoice.customer_id AND s.number = invoice.number)")
_CLOSE_SCOPED = " AND customer_id IN (SELECT customer_id FROM ar_stage)"

# Listed again: written only when something differs, so the same file twice changes nothing.
# Dates the file did not state (an opening balance's) are left as they are.
_SET = ("amount_minor = s.amount, open_minor = s.open_amount, currency = s.currency, "
        "closed_on = s.closed_on, issued_on = CASE WHEN s.dated = 1 THEN s.issued_on "
        "ELSE invoice.issued_on END, due_on = CASE WHEN s.dated = 1 THEN s.due_on "
        "ELSE invoice.due_on END")
_DIFFERS = ("(invoice.amount_minor <> s.amount OR invoice.open_minor <> s.open_amount OR "
            "invoice.currency <> s.currency OR invoice.closed_on {isnt} s.closed_on OR "
            "(s.dated = 1 AND (invoice.issued_on <> s.issued_on OR invoice.due_on <> s.due_on)))")
_UPDATE = ("UPDATE invoice SET {set} FROM ar_stage s WHERE invoice.source = :src AND "
           "invoice.customer_id = s.customer_id AND invoice.number = s.number AND {differs}")
_UPDATE_SQLITE = _UPDATE.format(set=_SET, differs=_DIFFERS.format(isnt="IS NOT"))
_UPDATE_PG = _UPDATE.format(set=_SET, differs=_DIFFERS.format(isnt="IS DISTINCT FROM"))

_INSERT = ("INSERT INTO invoice (id, customer_id, contract_id, number, issued_on, due_on, "
           "amount_minor, open_minor, currency, disputed, source, closed_on) "
           "SELECT :base + s.seq, s.customer_id, NULL, s.number, s.issued_on, s.due_on, s.amount, "
           "s.open_amount, s.currency, FALSE, CAST(:src AS VARCHAR(40)), s.closed_on FROM ar_stage s "
           "WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.source = :src AND "
           "i.customer_id = s.customer_id AND i.number = s.number) ORDER BY s.seq")
