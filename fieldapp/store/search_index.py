"""Customer search documents: folded text (name, contacts, phones apart) under an FTS5 index."""

from __future__ import annotations

from sqlalchemy import text

from ..i18n.folding import digits, fold, search_document
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
        phones = (phone, *(p[1] for p in people))
        doc = search_document(name, code, tax, *(p[0] for p in people), phones=phones)
        yield {"customer_id": cid, "doc": doc, "wide": not doc.isascii(), "name": fold(name),
               "people": " | ".join(fold(p[0]) for p in people if p[0]),
               "phones": " ".join(digits(p) for p in phones if p and digits(p))}


def _documents(conn, customer_ids=None):
    """Search rows of the given customers, or of all of them, a batch at a time."""
    if customer_ids is not None:
        yield list(_documents_where(conn, f"{{col}} IN ({','.join(map(str, customer_ids))})"))
        return
    top = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM customer").scalar()
    for low in range(0, top, BATCH):
        yield list(_documents_where(conn, f"{{col}} > {low} AND {{col}} <= {low + BATCH}"))


_INSERT = text("INSERT INTO customer_search (customer_id, doc, wide, name, people, phones) "
               "VALUES (:customer_id, :doc, :wide, :name, :people, :phones)")
# Before schema 8 the table had no name, people and phones (migration steps 2 and 6).
_INSERT_V2 = text("INSERT INTO customer_search (customer_id, doc, wide) "
                  "VALUES (:customer_id, :doc, :wide)")


def rebuild(conn, ranked: bool = True) -> int:
    """Recompute every customer's search document; returns how many were written.
    ``ranked=False`` writes the columns of schemas 2–7 only (their migration steps)."""
    conn.exec_driver_sql("DELETE FROM customer_search")
    written = 0
    for rows in _documents(conn):
        if rows:
            conn.execute(_INSERT if ranked else _INSERT_V2, rows)
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
