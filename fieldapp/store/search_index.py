"""Customer search: folded documents, an FTS5 trigram index on SQLite, keyset-paged queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from ..i18n.folding import query_terms, search_document
from . import hot

# Trigram needs three characters; shorter terms (one Chinese character, 'ng') are scanned with instr.
TRIGRAM = 3
# The tables (customer_search; on SQLite the FTS5 customer_fts and its sync triggers) are
# created by the frozen migration steps, store/ddl.py V2.


BATCH = 5_000  # customers per round trip while (re)building: keeps memory flat at any size


def _documents_where(conn, where: str):
    customers = conn.exec_driver_sql(
        f"SELECT id, name, code, tax_code, phone FROM customer WHERE {where.format(col='id')}").all()
    contacts: dict[int, list] = {}
    for cid, name, phone in conn.exec_driver_sql(
            f"SELECT customer_id, name, phone FROM contact WHERE {where.format(col='customer_id')}"):
        contacts.setdefault(cid, []).append((name, phone))
    for cid, name, code, tax, phone in customers:
        people = contacts.get(cid, [])
        doc = search_document(name, code, tax, *(p[0] for p in people),
                              phones=(phone, *(p[1] for p in people)))
        yield {"customer_id": cid, "doc": doc, "wide": not doc.isascii()}


def _documents(conn, customer_ids=None):
    """Search rows of the given customers, or of all of them, a batch at a time."""
    if customer_ids is not None:
        yield list(_documents_where(conn, f"{{col}} IN ({','.join(map(str, customer_ids))})"))
        return
    top = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM customer").scalar()
    for low in range(0, top, BATCH):
        yield list(_documents_where(conn, f"{{col}} > {low} AND {{col}} <= {low + BATCH}"))


_INSERT = text("INSERT INTO customer_search (customer_id, doc, wide) VALUES (:customer_id, :doc, :wide)")


def rebuild(conn) -> int:
    """Recompute every customer's search document; returns how many were written."""
    conn.exec_driver_sql("DELETE FROM customer_search")
    written = 0
    for rows in _documents(conn):
        if rows:
            conn.execute(_INSERT, rows)
            written += len(rows)
    return written


def refresh(conn, customer_ids) -> None:
    """Recompute the search documents of some customers after they or their contacts changed."""
    ids = sorted(set(customer_ids))
    if not ids:
        return
    conn.exec_driver_sql(f"DELETE FROM customer_search WHERE customer_id IN ({','.join(map(str, ids))})")
    for rows in _documents(conn, ids):
        if rows:
            conn.execute(_INSERT, rows)


@dataclass(frozen=True)
class SearchSql:
    """The statement that finds one page of customer ids for a query, and its parameters."""

    sql: str
    params: dict


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search_sql(query: str, after_id: int, limit: int, dialect: str = "sqlite") -> SearchSql:
    """Build the id query: FTS5 MATCH for long terms, instr() for short ones, keyset by id."""
    terms = query_terms(query)
    params: dict = {"after": after_id, "limit": limit}
    long_terms = [t for t in terms if len(t) >= TRIGRAM] if dialect == "sqlite" else []
    short = [t for t in terms if t not in long_terms]
    conds = []
    for i, term in enumerate(short):
        params[f"s{i}"] = term
        conds.append(f"instr(doc, :s{i}) > 0" if dialect == "sqlite"
                     else f"strpos(doc, :s{i}) > 0")
    if long_terms:
        params["match"] = " AND ".join(_quote(t) for t in long_terms)
        where = " AND ".join(["customer_fts MATCH :match", "rowid > :after", *conds])
        return SearchSql(f"SELECT rowid FROM customer_fts WHERE {where} ORDER BY rowid LIMIT :limit",
                         params)
    # SQLite keeps booleans as 0/1 (and uses the index on "= 1"); PostgreSQL has a real boolean.
    wide = ["wide = 1" if dialect == "sqlite" else "wide"] if any(not t.isascii() for t in short) else []
    where = " AND ".join([*wide, "customer_id > :after", *conds])
    return SearchSql(f"SELECT customer_id FROM customer_search WHERE {where} "
                     f"ORDER BY customer_id LIMIT :limit", params)


def find_ids(conn, query: str, after_id: int, limit: int) -> list[int]:
    """Ids of up to ``limit`` customers matching ``query`` with id greater than ``after_id``."""
    stmt = search_sql(query, after_id, limit, conn.dialect.name)
    return [row[0] for row in hot.fetch(conn, stmt.sql, stmt.params)]
