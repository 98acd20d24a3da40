"""The statements of the KPI dashboard: sums grouped by collector and currency in the database.

Most read the kept sums (``x``, store.kpi_cache: collector '' is the unassigned customers');
``{scope}`` is an extra condition on the collector (one collector). Disputes are read from the
rows (few), grouped by the customer's collector ``c``. Days are bound as ISO text on SQLite,
as dates elsewhere (kpi_repo)."""

from __future__ import annotations

# Credit sales by month, from :since to :hi; ``{month}`` is the dialect's 'YYYY-MM' of a day.
# An imported credit matched to a receipt is that receipt's money (counted as collected), not
# a negative sale: it is left out, so the money counts once.
SALES = """
SELECT x.collector_id, x.currency, {month} AS m, SUM(x.sold),
       SUM(CASE WHEN x.day >= :lo THEN x.sold ELSE 0 END)
FROM kpi_day x
WHERE x.day >= :since AND x.day <= :hi AND x.invoices > 0 {scope}
GROUP BY x.collector_id, x.currency, {month}"""

# Balances by aging bucket (0 current … 4 90+) at the end of each snapshot day ``s.d``: each
# series' balance from the last day on or before it that it changed on, with how many items
# make it (none: no balance that day).
BALANCES = """
WITH snap(k, d) AS (VALUES {snaps}),
series AS (SELECT DISTINCT x.collector_id, x.currency, x.bucket FROM kpi_balance x
           WHERE 1 = 1 {scope})
SELECT g.collector_id, g.currency, s.k, g.bucket,
       (SELECT y.minor FROM kpi_balance y WHERE y.collector_id = g.collector_id
          AND y.currency = g.currency AND y.bucket = g.bucket AND y.day <= s.d
        ORDER BY y.day DESC LIMIT 1),
       (SELECT y.items FROM kpi_balance y WHERE y.collector_id = g.collector_id
          AND y.currency = g.currency AND y.bucket = g.bucket AND y.day <= s.d
        ORDER BY y.day DESC LIMIT 1)
FROM series g CROSS JOIN snap s"""

# Receivables open now by currency: the items of each series on the last day it changed on.
OPEN_BY_CURRENCY = """
SELECT b.currency, SUM(b.items) FROM kpi_balance b
WHERE b.day = (SELECT MAX(y.day) FROM kpi_balance y WHERE y.collector_id = b.collector_id
               AND y.currency = b.currency AND y.bucket = b.bucket)
GROUP BY b.currency"""

# Money received by day (all of it, and what was taken on a visit), as kept (kpi_cache_sql
# leaves out the payments of receipts the office voided).
COLLECTED = """
SELECT x.collector_id, x.currency, x.day, x.paid, x.on_site
FROM kpi_day x
WHERE x.day >= :lo AND x.day <= :hi AND x.payments > 0 {scope}"""

# Final visits and calls (amendments are the same encounter) by local day, with those that
# met a person with authority to pay: the kept quarter hours of [lo_at, hi_at).
CONTACTS = """
SELECT x.collector_id, x.kind, {slot_day} AS d, SUM(x.n), SUM(x.rpc)
FROM kpi_contact x
WHERE x.slot >= :lo_at AND x.slot < :hi_at {scope}
GROUP BY x.collector_id, x.kind, {slot_day}"""
# The same from the records, for a zone whose midnight is no quarter hour (``{rpc}``: the
# answer read from the stored JSON).
CONTACTS_OF_RECORDS = """
SELECT c.collector_id, v.kind, {day} AS d, COUNT(*), SUM(CASE WHEN {rpc} THEN 1 ELSE 0 END)
FROM visit v JOIN customer c ON c.id = v.customer_id
WHERE v.started_at >= :lo_at AND v.started_at < :hi_at AND v.status = 'final'
  AND v.amends IS NULL {customer_scope}
GROUP BY c.collector_id, v.kind, {day}"""

# Promises and installment plans made in the period.
PROMISES_MADE = """
SELECT x.collector_id, x.kind, SUM(x.n)
FROM kpi_made x
WHERE x.day >= :lo AND x.day <= :hi {scope}
GROUP BY x.collector_id, x.kind"""

# The live promises and installment lines falling due in the period with what each took of
# its customer's payments, counted by the values judging needs.
DUE_COMMITMENTS = """
SELECT x.collector_id, x.amount_minor, x.due_on, x.taken_minor, COUNT(*)
FROM kpi_commitment x
WHERE x.due_on >= :lo AND x.due_on <= :hi {scope}
GROUP BY x.collector_id, x.amount_minor, x.due_on, x.taken_minor"""

# Disputes recorded in the period, and those resolved in it with the seconds it took (from
# the moment recorded: the 24-hour deadline less 24 hours).
DISPUTES_OPENED = """
SELECT c.collector_id, COUNT(*)
FROM outcome o JOIN customer c ON c.id = o.customer_id
WHERE o.kind = 'dispute' AND o.superseded_by IS NULL
  AND o.created_on >= :lo AND o.created_on <= :hi {customer_scope}
GROUP BY c.collector_id"""
DISPUTES_RESOLVED = """
SELECT c.collector_id, COUNT(*), SUM({seconds})
FROM dispute_resolution r JOIN outcome o ON o.uuid = r.outcome_uuid
JOIN customer c ON c.id = o.customer_id
WHERE r.resolved_at >= :lo_at AND r.resolved_at < :hi_at {customer_scope}
GROUP BY c.collector_id"""

DIALECT = {
    "sqlite": {
        "month": "substr(x.day, 1, 7)",
        "day": "date(v.started_at, :offset)",
        "slot_day": "date(x.slot, :offset)",
        "rpc": "json_extract(v.body, '$.answers.authority_to_pay') = 1",
        "seconds": "CAST(ROUND((julianday(r.resolved_at) - julianday(o.deadline_at)) * 86400)"
                   " AS INTEGER) + 86400",
    },
    "postgresql": {
        "month": "to_char(x.day, 'YYYY-MM')",
        "day": "CAST((CAST(v.started_at AS timestamptz) AT TIME ZONE 'UTC') "
               "+ CAST(:offset AS interval) AS date)",
        "slot_day": "CAST((CAST(x.slot AS timestamptz) AT TIME ZONE 'UTC') "
                    "+ CAST(:offset AS interval) AS date)",
        "rpc": "(CAST(v.body AS jsonb) -> 'answers' ->> 'authority_to_pay') = 'true'",
        "seconds": "CAST(ROUND(EXTRACT(EPOCH FROM CAST(r.resolved_at AS timestamptz) "
                   "- CAST(o.deadline_at AS timestamptz))) AS BIGINT) + 86400",
    },
}



def balances(snaps: str) -> str:
    return BALANCES.replace("{snaps}", snaps)
