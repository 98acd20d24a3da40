"""Receivables imports written set-based: rows staged in a temporary table, then compared with
the stored invoices of their source in a few statements; saved source mappings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, select, text

from ..domain.ids import new_id
from . import search_index
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

@dataclass(frozen=True)
class Counts:
    customers_created: int
    customers_updated: int
    invoices_created: int
    invoices_updated: int
    invoices_closed: int
    customer_ids: frozenset


@dataclass(frozen=True)
class NewCustomer:
    code: str
    name: str
    currency: str
    country: str
    language: str
    since: date


class ArWriter:
    """One import inside the caller's transaction (``session``). ``lock()`` first: imports on
    one database run one after another (SQLite's write lock does this already)."""

    def __init__(self, session, source: str):
        self.session, self.source = session, source
        self.conn = session.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"
        self.customers: dict[str, tuple[int, str]] = {}
        self.created: dict[str, int] = {}
        self.renamed: dict[int, str] = {}
        self._next_customer = 0
        self._new: dict[int, NewCustomer] = {}
        self._pending: list[tuple] = []
        self._seq = 0

    def lock(self) -> None:
        if not self.sqlite:
            self.conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")

    def load_customers(self) -> None:
        """code → (id, name) of every customer: the file's codes are matched in memory."""
        rows = self.conn.exec_driver_sql("SELECT id, code, name FROM customer")
        self.customers = {code: (cid, name) for cid, code, name in rows}
        top = self.conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM customer").scalar()
        self._next_customer = top + 1

    def customer(self, code: str, name: str, new: NewCustomer) -> int:
        """The id of customer ``code``, made (as ``new`` says) when missing; a changed name is
        noted. The collector, territory and everything else a customer has stay as they are."""
        known = self.customers.get(code)
        if known is None:
            cid = self._next_customer
            self._next_customer += 1
            self.customers[code] = (cid, name)
            self.created[code] = cid
            self._new[cid] = new
            return cid
        cid, stored = known
        if name and name != stored and code not in self.created:
            self.renamed[cid] = name
            self.customers[code] = (cid, name)
        return cid

    def since(self, customer_id: int, day: date) -> None:
        """A new customer's 'customer since' is its oldest document in the file."""
        new = self._new.get(customer_id)
        if new is not None and day < new.since:
            self._new[customer_id] = replace(new, since=day)

    # -- staging -------------------------------------------------------------------------------

    def start_stage(self) -> None:
        date_type = "TEXT" if self.sqlite else "DATE"
        self.conn.exec_driver_sql("DROP TABLE IF EXISTS ar_stage")
        self.conn.exec_driver_sql(
            f"CREATE TEMP TABLE ar_stage (seq INTEGER NOT NULL, line INTEGER NOT NULL, "
            f"customer_id INTEGER NOT NULL, number VARCHAR(40) NOT NULL, "
            f"issued_on {date_type} NOT NULL, due_on {date_type} NOT NULL, "
            f"dated INTEGER NOT NULL, amount BIGINT NOT NULL, open_amount BIGINT NOT NULL, "
            f"currency VARCHAR(3) NOT NULL, closed_on {date_type})"
            + ("" if self.sqlite else " ON COMMIT DROP"))

    def stage(self, line, customer_id, number, issued_on, due_on, dated, amount, open_amount,
              currency, closed_on) -> None:
        self._seq += 1
        if self.sqlite:
            issued_on, due_on = issued_on.isoformat(), due_on.isoformat()
            closed_on = closed_on.isoformat() if closed_on else None
        self._pending.append((self._seq, line, customer_id, number, issued_on, due_on, dated,
                              amount, open_amount, currency, closed_on))
        if len(self._pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        dbapi = self.conn.connection.dbapi_connection
        if self.sqlite:
            dbapi.cursor().executemany(_STAGE_INSERT, self._pending)
        else:
            with dbapi.cursor() as cur, cur.copy(
                    f"COPY ar_stage ({', '.join(_STAGE_COLUMNS)}) FROM STDIN") as copy:
                for row in self._pending:
                    copy.write_row(row)
        self._pending.clear()

    def duplicates(self) -> list[tuple[int, int, str, int]]:
        """(later line, first line, number, customer id) of keys staged twice: a credit and an
        invoice with one number, or two documents whose long numbers share a shortened one."""
        self.flush()
        self.conn.exec_driver_sql("CREATE INDEX ix_ar_stage_key ON ar_stage (customer_id, number)")
        rows = self.conn.exec_driver_sql(
            "SELECT s.line, f.line, s.number, s.customer_id FROM ar_stage s JOIN ar_stage f "
            "ON f.customer_id = s.customer_id AND f.number = s.number AND f.seq < s.seq "
            "AND NOT EXISTS (SELECT 1 FROM ar_stage e WHERE e.customer_id = s.customer_id "
            "AND e.number = s.number AND e.seq < f.seq) ORDER BY s.line").all()
        return [tuple(r) for r in rows]

    def drop_lines(self, lines) -> None:
        lines = sorted(set(lines))
        for start in range(0, len(lines), CHUNK):
            part = ",".join(map(str, lines[start:start + CHUNK]))
            self.conn.exec_driver_sql(f"DELETE FROM ar_stage WHERE line IN ({part})")

    # -- applying ------------------------------------------------------------------------------

    def apply(self, today: date, close_scope: str) -> Counts:
        """Customers made and renamed, then invoices closed, updated and added, set-based.
        ``close_scope`` 'source' closes any invoice of the source the file no longer lists,
        'customers' only those of customers the file lists (a ledger of some customers), 'none'
        nothing (rows were skipped)."""
        self.flush()
        new_rows = list(self._new.items())
        self._insert_customers(new_rows)
        for cid, name in self.renamed.items():
            self.conn.execute(text("UPDATE customer SET name = :name WHERE id = :id"),
                              {"name": name, "id": cid})
        self._refresh_search([cid for cid, _ in new_rows] + list(self.renamed))
        src = {"src": self.source, "today": today if not self.sqlite else today.isoformat()}
        closed = 0 if close_scope == "none" else self._run(
            _CLOSE + (_CLOSE_SCOPED if close_scope == "customers" else ""), src)
        updated = self._run(_UPDATE_SQLITE if self.sqlite else _UPDATE_PG, src)
        top = self.conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM invoice").scalar()
        created = self._run(_INSERT, {**src, "base": top})
        self.conn.exec_driver_sql("DROP TABLE ar_stage")
        touched = frozenset([cid for cid, _ in new_rows] + list(self.renamed))
        return Counts(len(new_rows), len(self.renamed), created, updated, closed, touched)

    def _run(self, sql: str, params: dict) -> int:
        return self.conn.execute(text(sql), params).rowcount

    def _insert_customers(self, new_rows) -> None:
        rows = [{"id": cid, "code": n.code, "name": n.name, "since": n.since,
                 "currency": n.currency, "country": n.country, "language": n.language}
                for cid, n in new_rows]
        for start in range(0, len(rows), CHUNK):
            self.conn.execute(_INSERT_CUSTOMER, rows[start:start + CHUNK])

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
