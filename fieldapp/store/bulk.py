"""Fast bulk writes of plain row dicts (demo data, receivables imports) in one transaction."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from . import search_index
from .tables import Base

# Parents before children so foreign keys hold at every statement.
ORDER = ("customer", "contact", "contract", "invoice", "delivery", "payment", "allocation",
         "route_stop")


def write_rows(store, chunk: Mapping[str, Sequence[dict]]) -> None:
    """Insert ``chunk`` (table name → row dicts with explicit ids) atomically."""
    unknown = set(chunk) - set(ORDER)
    if unknown:
        raise ValueError(f"bulk write to unknown tables: {sorted(unknown)}")
    with store.engine.begin() as conn:
        for name in ORDER:
            rows = chunk.get(name)
            if rows:
                conn.execute(Base.metadata.tables[name].insert(), [_nfc(r) for r in rows])


def _nfc(row: dict) -> dict:
    """Stored text is NFC whatever the source wrote (decomposed Vietnamese from some exports)."""
    return {k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v for k, v in row.items()}


def rebuild_search(store) -> int:
    """Recompute the search index after bulk writes; returns the number of customers indexed."""
    with store.engine.begin() as conn:
        return search_index.rebuild(conn)


def optimize(store) -> None:
    """Refresh planner statistics and merge FTS segments after a large load."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        if store.is_sqlite:
            conn.exec_driver_sql("INSERT INTO customer_fts(customer_fts) VALUES ('optimize')")
