"""Build every row of one customer, from its own Random, in a fixed order of steps."""

from __future__ import annotations

from random import Random

from . import customers, deliveries, ledger, settlement


def build(k: int, ctx, chunk, pool) -> None:
    """Append customer ``k``'s rows to ``chunk`` and offer it to the route ``pool``."""
    # Seeded from (seed, k) alone: customer k looks the same whatever the portfolio size.
    rng = Random(f"{ctx.seed}:{k}")
    ctx.ids["customer"] = k
    c = customers.draft(rng, k, ctx)
    people = customers.contacts(rng, c, ctx, chunk.contact)
    contracts = ledger.contracts(rng, c, ctx, chunk.contract)
    c["net_days"] = contracts[-1][2]
    chunk.customer.append(customers.row(rng, c, ctx))
    invoices = ledger.invoices(rng, c, contracts, ctx)
    settlement.settle(rng, c, invoices, ctx, chunk.payment, chunk.allocation)
    ledger.invoice_rows(c, invoices, ctx, chunk.invoice)
    deliveries.emit(rng, c, invoices, people, ctx, chunk.delivery)
    pool.add(c, invoices)
