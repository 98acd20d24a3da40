"""Row layouts of the demo tables and the chunk of tuples filled between two bulk writes."""

from __future__ import annotations

from datetime import date
from random import Random

# Column order of the tuples we build; dicts are made from them only when a chunk is written.
COLUMNS = {
    "customer": ("id", "code", "name", "tax_code", "phone", "address", "district", "province",
                 "country", "business_status", "business_notes", "financial_notes",
                 "personality_notes", "cooperation_since", "credit_limit_minor", "currency",
                 "language"),
    "contact": ("id", "customer_id", "name", "role", "phone", "email", "authority_to_pay", "notes"),
    "contract": ("id", "customer_id", "number", "signed_on", "goods", "net_days",
                 "installments_allowed", "early_discount_pct", "early_discount_days"),
    "invoice": ("id", "customer_id", "contract_id", "number", "issued_on", "due_on",
                "amount_minor", "open_minor", "currency", "disputed"),
    "delivery": ("id", "customer_id", "contract_id", "invoice_id", "note_number", "delivered_on",
                 "receiver", "status", "ordered_qty", "delivered_qty", "discrepancy"),
    "payment": ("id", "customer_id", "paid_on", "amount_minor", "currency", "method", "reference"),
    "allocation": ("id", "payment_id", "invoice_id", "amount_minor"),
    "route_stop": ("id", "route_date", "seq", "customer_id", "planned_time", "purpose"),
}

# Day table bounds: cooperation starts up to ~12 years back; due dates run up to 60 days ahead.
PAST_DAYS, FUTURE_DAYS = 16 * 366, 90


class Chunk:
    """Tuples per table for a run of customers; ``rows()`` turns them into write_rows input."""

    def __init__(self):
        self.tables = {name: [] for name in COLUMNS}
        # chunk.invoice and chunk.tables["invoice"] are the same list.
        for name, rows in self.tables.items():
            setattr(self, name, rows)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}

    def rows(self) -> dict[str, list[dict]]:
        return {name: [dict(zip(COLUMNS[name], t)) for t in rows]
                for name, rows in self.tables.items() if rows}


class Context:
    """What all customer builders share: the seed, the day table and the id counters."""

    def __init__(self, seed: int, today: date):
        self.seed = seed
        self.today = today
        self.today_ord = today.toordinal()
        first = self.today_ord - PAST_DAYS
        self._days = [date.fromordinal(first + i) for i in range(PAST_DAYS + FUTURE_DAYS)]
        self.ids = dict.fromkeys(COLUMNS, 0)
        # Tax-code serials are spread by a seed-dependent offset so seeds differ there too.
        self.salt = Random(f"{seed}/salt").randrange(10 ** 7)
        self.blocks: dict[int, tuple[int, int]] = {}
        self.names: set[str] = set()  # customer names taken so far

    def day(self, offset: int) -> date:
        """The date ``offset`` days from today (negative: in the past)."""
        return self._days[offset + PAST_DAYS]

    def weekday(self, offset: int) -> int:
        """Monday 0 … Sunday 6 of the day ``offset`` days from today."""
        return (self.today_ord + offset + 6) % 7

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]
