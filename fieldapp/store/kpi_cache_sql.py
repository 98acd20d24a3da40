"""The statements making the KPI dashboard's kept sums from the rows (store.kpi_cache).

``{who}`` limits them to some collectors (a condition on ``c``, the customer); the other
``{names}`` are the dialect's fragments (``dialect``). Collector '' holds the unassigned."""

from __future__ import annotations

from datetime import date

from .kpi_sql import DIALECT

OPEN_END = date(9999, 12, 31)  # the end of a span still open
# Money counts once: a payment whose receipt the office voided counts nowhere, and an accounting
# credit a receipt matched is that receipt's money (counted as collected), not a negative sale.
COUNTS = ("NOT EXISTS (SELECT 1 FROM receipt vr WHERE vr.payment_id = p.id "
          "AND vr.state = 'voided')")
SOLD = ("NOT (i.amount_minor < 0 AND EXISTS (SELECT 1 FROM receipt mr "
        "WHERE mr.matched_invoice_id = i.id))")

# What an invoice held, and over which days (a day d counts it when s <= d < e): an open one
# its open balance from the day issued; each allocation its amount from the invoice's day until
# the payment's day (or the day an export closed the invoice, if before); a closed invoice what
# no allocation covered, until the day it was closed. The balance on a day is so the open
# balance now, plus what was paid after the day, plus what a later export closed.
_ITEMS = """
  SELECT COALESCE(c.collector_id, '') AS who, i.currency AS cur, i.issued_on AS s,
         {open_end} AS e, i.due_on AS due, i.open_minor AS minor
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  WHERE i.open_minor > 0 AND i.closed_on IS NULL {who}
  UNION ALL
  SELECT COALESCE(c.collector_id, ''), i.currency, i.issued_on,
         CASE WHEN i.closed_on IS NOT NULL AND i.closed_on < p.paid_on THEN i.closed_on
              ELSE p.paid_on END,
         i.due_on, a.amount_minor
  FROM payment p JOIN allocation a ON a.payment_id = p.id
  JOIN invoice i ON i.id = a.invoice_id JOIN customer c ON c.id = i.customer_id
  WHERE """ + COUNTS + """ {who}
  UNION ALL
  SELECT COALESCE(c.collector_id, ''), i.currency, i.issued_on, i.closed_on, i.due_on,
         i.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocation a
                                    JOIN payment p ON p.id = a.payment_id
                                    WHERE a.invoice_id = i.id AND """ + COUNTS + """), 0)
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  WHERE i.closed_on IS NOT NULL {who}"""

# An item is in bucket b on the days from its due day + first to its due day + last (None: no
# bound): current up to the due day, then 1-30, 31-60, 61-90 and 90+ days past it.
_BUCKETS = ((0, None, 0), (1, 1, 30), (2, 31, 60), (3, 61, 90), (4, 91, None))


def _events(sqlite: bool) -> str:
    """Each span's amount and item count entering a bucket on a day (+) and leaving it (−)."""
    parts = []
    for b, first, last in _BUCKETS:
        start = "x.s" if first is None else f"{{greatest}}(x.s, {_plus('x.due', first, sqlite)})"
        end = "x.e" if last is None else f"{{least}}(x.e, {_plus('x.due', last + 1, sqlite)})"
        parts.append(f"SELECT x.who, x.cur, {b} AS b, {start} AS day, x.minor, x.items "
                     f"FROM spans x WHERE {start} < {end}")
        parts.append(f"SELECT x.who, x.cur, {b}, {end}, -x.minor, -x.items "
                     f"FROM spans x WHERE {start} < {end} AND {end} < {{open_end}}")
    return "\n  UNION ALL ".join(parts)


def _plus(day: str, days: int, sqlite: bool) -> str:
    return f"date({day}, '+{days} days')" if sqlite else f"({day} + {days})"


def balances(name: str) -> str:
    """The receivables of each collector, currency and bucket from each day its balance changes
    on: the running sum of what entered and left."""
    return """
INSERT INTO kpi_balance (collector_id, currency, bucket, day, minor, items)
WITH spans AS (
  SELECT who, cur, s, e, due, SUM(minor) AS minor, COUNT(*) AS items
  FROM (""" + _ITEMS + """) y
  WHERE s < e GROUP BY who, cur, s, e, due),
events AS (""" + _events(name == "sqlite") + """),
changes AS (SELECT who, cur, b, day, SUM(minor) AS minor, SUM(items) AS items
            FROM events GROUP BY who, cur, b, day)
SELECT who, cur, b, day, SUM(minor) OVER w, SUM(items) OVER w FROM changes
WINDOW w AS (PARTITION BY who, cur, b ORDER BY day)"""


# Credit sales (by the day issued) and money received (by the day paid; of it taken on a
# visit), with how many invoices and payments: a day without any is no row.
DAYS = """
INSERT INTO kpi_day (collector_id, currency, day, sold, invoices, paid, on_site, payments)
SELECT who, cur, day, SUM(sold), SUM(invoices), SUM(paid), SUM(site), SUM(payments) FROM (
  SELECT COALESCE(c.collector_id, '') AS who, i.currency AS cur, i.issued_on AS day,
         i.amount_minor AS sold, 1 AS invoices, 0 AS paid, 0 AS site, 0 AS payments
  FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE """ + SOLD + """ {who}
  UNION ALL
  SELECT COALESCE(c.collector_id, ''), p.currency, p.paid_on, 0, 0, p.amount_minor,
         CASE WHEN p.visit_uuid IS NOT NULL THEN p.amount_minor ELSE 0 END, 1
  FROM payment p JOIN customer c ON c.id = p.customer_id WHERE """ + COUNTS + """ {who}) x
GROUP BY who, cur, day"""

# Live promises and installment plans by the day made.
MADE = """
INSERT INTO kpi_made (collector_id, kind, day, n)
SELECT COALESCE(c.collector_id, ''), o.kind, o.created_on, COUNT(*)
FROM outcome o JOIN customer c ON c.id = o.customer_id
WHERE o.kind IN ('promise', 'installment_plan') AND o.superseded_by IS NULL
  AND o.created_on IS NOT NULL {who}
GROUP BY COALESCE(c.collector_id, ''), o.kind, o.created_on"""

# Final records (amendments are the same encounter) by the quarter hour they started in (UTC
# text, as stored): every zone's midnight is a quarter hour, so any local day is whole slots.
CONTACTS = """
INSERT INTO kpi_contact (collector_id, kind, slot, n, rpc)
SELECT COALESCE(c.collector_id, ''), v.kind, {slot}, COUNT(*),
       SUM(CASE WHEN {rpc} THEN 1 ELSE 0 END)
FROM visit v JOIN customer c ON c.id = v.customer_id
WHERE v.status = 'final' AND v.amends IS NULL {who}
GROUP BY COALESCE(c.collector_id, ''), v.kind, {slot}"""

# The rest of a stored UTC instant at a whole minute (the colon escaped: a statement's text
# would take it for a parameter).
_SECONDS = "'\\:00+00:00'"
_MINUTE = "CAST(substr(v.started_at, 15, 2) AS INTEGER) / 15 * 15"


def dialect(name: str) -> dict[str, str]:
    """The fragments the statements name, for a database dialect."""
    if name == "sqlite":
        return {"open_end": f"'{OPEN_END.isoformat()}'", "greatest": "max", "least": "min",
                "rpc": DIALECT["sqlite"]["rpc"],
                "slot": f"substr(v.started_at, 1, 14) || printf('%02d', {_MINUTE}) "
                        f"|| {_SECONDS}"}
    return {"open_end": f"DATE '{OPEN_END.isoformat()}'", "greatest": "GREATEST",
            "least": "LEAST", "rpc": DIALECT["postgresql"]["rpc"],
            "slot": f"substr(v.started_at, 1, 14) || lpad(CAST({_MINUTE} AS TEXT), 2, '0') "
                    f"|| {_SECONDS}"}
