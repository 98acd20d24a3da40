"""The statements of the KPI dashboard: sums grouped by collector and currency in the database.

Every statement groups by the customer's collector (``c.collector_id``, NULL: unassigned) so
the team's figures are sums of a handful of rows. ``{scope}`` is an extra condition on ``c``
(one collector). Days are bound as ISO text on SQLite, as dates elsewhere (kpi_repo)."""

from __future__ import annotations

# Credit sales by month, from :since to :hi; ``{month}`` is the dialect's 'YYYY-MM' of a day.
SALES = """
SELECT c.collector_id, i.currency, {month} AS m, SUM(i.amount_minor),
       SUM(CASE WHEN i.issued_on >= :lo THEN i.amount_minor ELSE 0 END)
FROM invoice i JOIN customer c ON c.id = i.customer_id
WHERE i.issued_on >= :since AND i.issued_on <= :hi {scope}
GROUP BY c.collector_id, i.currency, {month}"""

# Balances on each snapshot day ``s.d`` by aging bucket (0 current … 4 90+), summed from the
# kept spans (store.kpi_cache) the day falls in. ``snap`` rows are (k, d, d30, d60, d90): the
# day and the day 30, 60 and 90 days before it. Collector '' is the unassigned customers'.
_BUCKET = ("CASE WHEN x.due_on >= s.d THEN 0 WHEN x.due_on >= s.d30 THEN 1 "
           "WHEN x.due_on >= s.d60 THEN 2 WHEN x.due_on >= s.d90 THEN 3 ELSE 4 END")
BALANCES = f"""
WITH snap(k, d, d30, d60, d90) AS (VALUES {{snaps}})
SELECT x.collector_id, x.currency, s.k, {_BUCKET} AS b, SUM(x.minor)
FROM snap s JOIN kpi_span x ON x.end_on > s.d AND x.start_on <= s.d
WHERE x.end_on > :first {{span_scope}}
GROUP BY x.collector_id, x.currency, s.k, {_BUCKET}"""

# Money received by day (all of it, and what was taken on a visit).
COLLECTED = """
SELECT c.collector_id, p.currency, p.paid_on, SUM(p.amount_minor),
       SUM(CASE WHEN p.visit_uuid IS NOT NULL THEN p.amount_minor ELSE 0 END)
FROM payment p JOIN customer c ON c.id = p.customer_id
WHERE p.paid_on >= :lo AND p.paid_on <= :hi {scope}
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

# The live promises and installment lines falling due in the period, with what each took of
# its customer's payments (kept in kpi_taken), counted by the values judging needs.
DUE_COMMITMENTS = """
SELECT c.collector_id, o.amount_minor, o.due_on, COALESCE(t.taken_minor, 0), COUNT(*)
FROM outcome o JOIN customer c ON c.id = o.customer_id
LEFT JOIN kpi_taken t ON t.outcome_uuid = o.uuid
WHERE o.kind IN ('promise', 'installment') AND o.superseded_by IS NULL
  AND o.resolved = FALSE AND o.due_on >= :lo AND o.due_on <= :hi {scope}
GROUP BY c.collector_id, o.amount_minor, o.due_on, COALESCE(t.taken_minor, 0)"""

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



def balances(snaps: str) -> str:
    return BALANCES.replace("{snaps}", snaps)
