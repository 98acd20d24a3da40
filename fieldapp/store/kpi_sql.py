"""The statements of the KPI dashboard: sums grouped by collector and currency in the database.

Every statement groups by the customer's collector (``c.collector_id``, NULL: unassigned) so
the team's figures are sums of a handful of rows. ``{scope}`` is an extra condition on ``c``
(one collector). Days are bound as ISO text on SQLite, as dates elsewhere (kpi_repo)."""

from __future__ import annotations

# Credit sales by month, from :since to :hi; ``{month}`` is the dialect's 'YYYY-MM' of a day.
# An imported credit matched to a receipt is that receipt's money (counted as collected), not
# a negative sale: it is left out, so the money counts once.
SALES = """
SELECT c.collector_id, i.currency, {month} AS m, SUM(i.amount_minor),
       SUM(CASE WHEN i.issued_on >= :lo THEN i.amount_minor ELSE 0 END)
FROM invoice i JOIN customer c ON c.id = i.customer_id
WHERE i.issued_on >= :since AND i.issued_on <= :hi {scope}
  AND NOT (i.amount_minor < 0 AND EXISTS (SELECT 1 FROM receipt mr
                                          WHERE mr.matched_invoice_id = i.id))
GROUP BY c.collector_id, i.currency, {month}"""

# Balances on each snapshot day ``s.d`` by aging bucket (0 current … 4 90+): the open balance
# now, plus what was allocated to the invoice after the day (rolled back), plus invoices a
# later export closed (their amount less what was allocated to them by then). ``snap`` rows are
# (k, d, d30, d60, d90): the day and the day 30, 60 and 90 days before it.
_BUCKET = ("CASE WHEN {due} >= s.d THEN 0 WHEN {due} >= s.d30 THEN 1 WHEN {due} >= s.d60 "
           "THEN 2 WHEN {due} >= s.d90 THEN 3 ELSE 4 END")
BALANCES = """
WITH snap(k, d, d30, d60, d90) AS (VALUES {snaps}),
open_now AS (
  SELECT c.collector_id AS who, i.currency AS cur, i.issued_on AS issued, i.due_on AS due,
         SUM(i.open_minor) AS minor
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  WHERE i.open_minor > 0 AND i.closed_on IS NULL AND i.issued_on <= :hi {scope}
  GROUP BY c.collector_id, i.currency, i.issued_on, i.due_on),
paid_after AS (
  SELECT c.collector_id AS who, i.currency AS cur, i.issued_on AS issued, i.due_on AS due,
         i.closed_on AS closed, p.paid_on AS paid, SUM(a.amount_minor) AS minor
  FROM payment p JOIN allocation a ON a.payment_id = p.id
  JOIN invoice i ON i.id = a.invoice_id JOIN customer c ON c.id = i.customer_id
  WHERE p.paid_on > :first {scope} AND {counts}
  GROUP BY c.collector_id, i.currency, i.issued_on, i.due_on, i.closed_on, p.paid_on),
closed_later AS (
  SELECT c.collector_id AS who, i.currency AS cur, i.issued_on AS issued, i.due_on AS due,
         i.closed_on AS closed,
         SUM(i.amount_minor - COALESCE((SELECT SUM(a.amount_minor) FROM allocation a
                                        WHERE a.invoice_id = i.id AND NOT EXISTS (
                                          SELECT 1 FROM receipt vr
                                          WHERE vr.payment_id = a.payment_id
                                            AND vr.state = 'voided')), 0)) AS minor
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  WHERE i.closed_on > :first {scope}
  GROUP BY c.collector_id, i.currency, i.issued_on, i.due_on, i.closed_on),
parts AS (
  SELECT o.who, o.cur, s.k, {bucket_o} AS b, o.minor
  FROM snap s JOIN open_now o ON o.issued <= s.d
  UNION ALL
  SELECT p.who, p.cur, s.k, {bucket_p} AS b, p.minor
  FROM snap s JOIN paid_after p ON p.paid > s.d AND p.issued <= s.d
   AND (p.closed IS NULL OR p.closed > s.d)
  UNION ALL
  SELECT x.who, x.cur, s.k, {bucket_x} AS b, x.minor
  FROM snap s JOIN closed_later x ON x.closed > s.d AND x.issued <= s.d)
SELECT who, cur, k, b, SUM(minor) FROM parts GROUP BY who, cur, k, b"""

# Money received by day (all of it, and what was taken on a visit); ``{counts}`` leaves out the
# payments of receipts the office voided.
COLLECTED = """
SELECT c.collector_id, p.currency, p.paid_on, SUM(p.amount_minor),
       SUM(CASE WHEN p.visit_uuid IS NOT NULL THEN p.amount_minor ELSE 0 END)
FROM payment p JOIN customer c ON c.id = p.customer_id
WHERE p.paid_on >= :lo AND p.paid_on <= :hi {scope} AND {counts}
GROUP BY c.collector_id, p.currency, p.paid_on"""

# Final visits and calls (amendments are the same encounter) by local day, with those that
# met a person with authority to pay (``{rpc}``: the answer read from the stored JSON).
CONTACTS = """
SELECT c.collector_id, v.kind, {day} AS d, COUNT(*), SUM(CASE WHEN {rpc} THEN 1 ELSE 0 END)
FROM visit v JOIN customer c ON c.id = v.customer_id
WHERE v.started_at >= :lo_at AND v.started_at < :hi_at AND v.status = 'final'
  AND v.amends IS NULL {scope}
GROUP BY c.collector_id, v.kind, {day}"""

# Promises and installment plans made in the period.
PROMISES_MADE = """
SELECT c.collector_id, o.kind, COUNT(*)
FROM outcome o JOIN customer c ON c.id = o.customer_id
WHERE o.kind IN ('promise', 'installment_plan') AND o.superseded_by IS NULL
  AND o.created_on >= :lo AND o.created_on <= :hi {scope}
GROUP BY c.collector_id, o.kind"""

# The customers with a live commitment falling due in the period, with their collector.
DUE_CUSTOMERS = """
SELECT DISTINCT o.customer_id, c.collector_id
FROM outcome o JOIN customer c ON c.id = o.customer_id
WHERE o.kind IN ('promise', 'installment') AND o.superseded_by IS NULL
  AND o.resolved = FALSE AND o.due_on >= :lo AND o.due_on <= :hi {scope}"""

# Disputes recorded in the period, and those resolved in it with the seconds it took (from
# the moment recorded: the 24-hour deadline less 24 hours).
DISPUTES_OPENED = """
SELECT c.collector_id, COUNT(*)
FROM outcome o JOIN customer c ON c.id = o.customer_id
WHERE o.kind = 'dispute' AND o.superseded_by IS NULL
  AND o.created_on >= :lo AND o.created_on <= :hi {scope}
GROUP BY c.collector_id"""
DISPUTES_RESOLVED = """
SELECT c.collector_id, COUNT(*), SUM({seconds})
FROM dispute_resolution r JOIN outcome o ON o.uuid = r.outcome_uuid
JOIN customer c ON c.id = o.customer_id
WHERE r.resolved_at >= :lo_at AND r.resolved_at < :hi_at {scope}
GROUP BY c.collector_id"""

DIALECT = {
    "sqlite": {
        "month": "substr(i.issued_on, 1, 7)",
        "day": "date(v.started_at, :offset)",
        "rpc": "json_extract(v.body, '$.answers.authority_to_pay') = 1",
        "seconds": "CAST(ROUND((julianday(r.resolved_at) - julianday(o.deadline_at)) * 86400)"
                   " AS INTEGER) + 86400",
        # SQLite compares dates as text: || '' keeps it from ranging over a wrong index.
    },
    "postgresql": {
        "month": "to_char(i.issued_on, 'YYYY-MM')",
        "day": "CAST((CAST(v.started_at AS timestamptz) AT TIME ZONE 'UTC') "
               "+ CAST(:offset AS interval) AS date)",
        "rpc": "(CAST(v.body AS jsonb) -> 'answers' ->> 'authority_to_pay') = 'true'",
        "seconds": "CAST(ROUND(EXTRACT(EPOCH FROM CAST(r.resolved_at AS timestamptz) "
                   "- CAST(o.deadline_at AS timestamptz))) AS BIGINT) + 86400",
    },
}


_COUNTS = ("NOT EXISTS (SELECT 1 FROM receipt vr WHERE vr.payment_id = p.id "
           "AND vr.state = 'voided')")
COLLECTED = COLLECTED.replace("{counts}", _COUNTS)


def balances(snaps: str) -> str:
    return BALANCES.replace("{snaps}", snaps).replace("{counts}", _COUNTS) \
        .replace("{bucket_o}", _BUCKET.format(due="o.due")) \
        .replace("{bucket_p}", _BUCKET.format(due="p.due")) \
        .replace("{bucket_x}", _BUCKET.format(due="x.due"))
