"""Generate a deterministic demo portfolio into an empty store, in chunks, then index it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...domain.errors import InvalidValue
from ...store import bulk
from . import builder, routes
from .rows import Chunk, Context

# Customers per bulk write: big enough to amortize a transaction, small enough for flat memory.
CHUNK = 2000


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind were generated."""

    customers: int
    contacts: int
    contracts: int
    invoices: int
    deliveries: int
    payments: int
    allocations: int
    route_stops: int


def generate(store, customers: int, *, seed: int = 2026, today: datetime.date,
             progress=None) -> DemoSummary:
    """Fill an empty ``store`` with ``customers`` customers and their history up to ``today``.

    The same seed, day and size always give the same database; customer k does not depend on
    the size. ``progress(done, total)`` is called after every chunk.
    """
    if customers < 1:
        raise InvalidValue("demo.too_few_customers", customers=customers)
    if isinstance(today, datetime.datetime):
        today = today.date()
    _require_empty(store)
    ctx, pool = Context(seed, today), routes.Pool()
    for start in range(1, customers + 1, CHUNK):
        chunk = Chunk()
        end = min(start + CHUNK, customers + 1)
        for k in range(start, end):
            builder.build(k, ctx, chunk, pool)
        bulk.write_rows(store, chunk.rows())
        if progress is not None:
            progress(end - 1, customers)
    chunk = Chunk()
    routes.plan(pool, ctx, chunk.route_stop)
    bulk.write_rows(store, chunk.rows())
    bulk.rebuild_search(store)
    bulk.optimize(store)
    return _summary(ctx.ids)


def _require_empty(store) -> None:
    with store.engine.connect() as conn:
        taken = conn.exec_driver_sql("SELECT 1 FROM customer LIMIT 1").first()
    if taken is not None:
        raise InvalidValue("demo.database_not_empty")


def _summary(ids: dict[str, int]) -> DemoSummary:
    # Ids are handed out 1, 2, 3 … per table, so the last id is the count.
    return DemoSummary(customers=ids["customer"], contacts=ids["contact"],
                       contracts=ids["contract"], invoices=ids["invoice"],
                       deliveries=ids["delivery"], payments=ids["payment"],
                       allocations=ids["allocation"], route_stops=ids["route_stop"])
