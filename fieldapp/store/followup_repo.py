"""Set-based reads of the follow-up lists: live outcomes in a period, payments of their customers.

Statements go through ``hot`` (the follow-up list is rebuilt after every change, over the
whole portfolio): plain SQL that SQLite and PostgreSQL both read, ids inlined as integers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from ..domain.commitments import COMMITMENT_KINDS, LiveOutcome, PaymentLine
from ..domain.money import Money
from . import hot

# Ids per statement: keeps every statement short whatever the number of customers.
_IDS_PER_QUERY = 900

_LIVE = """
SELECT o.uuid, o.visit_uuid, o.customer_id, o.kind, o.created_on, o.due_on,
       o.deadline_at, o.amount_minor, o.currency, o.body
FROM outcome o
WHERE o.superseded_by IS NULL AND o.resolved = FALSE AND ({where})
ORDER BY o.created_on, o.uuid"""

# Commitments due from :lo on; past :near only those whose stored reminder may reach further
# than :near (a body not among :short, the bodies of reminders no longer than that).
_IN_PERIOD = ("(o.kind IN ('promise', 'installment') AND o.due_on >= :lo"
              " AND (o.due_on <= :near OR {far}))"
              " OR o.kind = 'dispute'"
              " OR (o.kind IN ('absent', 'follow_up') AND o.due_on <= :revisit)")


def of_customer(session, customer_id: int, kinds: Iterable[str]) -> list[LiveOutcome]:
    """The customer's live outcomes of ``kinds``, oldest first."""
    names = {f"k{i}": k for i, k in enumerate(kinds)}
    where = f"o.customer_id = {int(customer_id)} AND o.kind IN ({_marks(names)})"
    rows = hot.fetch(session.connection(), _LIVE.format(where=where), names)
    return [_outcome(r) for r in rows]


def in_period(session, commitments_from: date, reminders_until: date, short_reminders: Iterable[str],
              revisits_until: date, customer_id: int | None = None) -> list[LiveOutcome]:
    """Live outcomes that can be followed up around today: promises and installment lines due
    from ``commitments_from`` to ``reminders_until`` (later ones too unless their stored body is
    one of ``short_reminders``), every open dispute, and revisits due by ``revisits_until``."""
    conn = session.connection()
    params = {"lo": _bind(conn, commitments_from), "near": _bind(conn, reminders_until),
              "revisit": _bind(conn, revisits_until)}
    short = {f"s{i}": body for i, body in enumerate(short_reminders)}
    where = _IN_PERIOD.format(far=f"o.body NOT IN ({_marks(short)})" if short else "1 = 1")
    if customer_id is not None:
        where = f"o.customer_id = {int(customer_id)} AND ({where})"
    rows = hot.fetch(conn, _LIVE.format(where=where), {**params, **short})
    return [_outcome(r) for r in rows]


# Each customer's own span drives the join (CROSS JOIN: SQLite takes the spans first), read by
# customer: on SQLite ``|| ''`` keeps the planner from ranging over everyone's due dates.
_SPANNED = """
WITH span(cid, lo, hi) AS (VALUES {values})
SELECT o.uuid, o.visit_uuid, o.customer_id, o.kind, o.created_on, o.due_on,
       o.deadline_at, o.amount_minor, o.currency, o.body
FROM span s CROSS JOIN outcome o
WHERE o.customer_id = s.cid AND o.kind IN ('promise', 'installment')
  AND o.superseded_by IS NULL AND o.resolved = FALSE AND {due} >= s.lo AND {due} <= s.hi"""


def commitments_of(session, spans: dict[int, tuple[date, date]]) -> list[LiveOutcome]:
    """Live promises and installment lines of each customer in ``spans`` due from its first to
    its second day. One statement per many customers, each read by its own days."""
    conn = session.connection()
    ids = sorted(spans)
    found = []
    for start in range(0, len(ids), _IDS_PER_QUERY):
        values = ",".join(f"({int(cid)}, {_literal(conn, spans[cid][0])}, "
                          f"{_literal(conn, spans[cid][1])})"
                          for cid in ids[start:start + _IDS_PER_QUERY])
        due = "o.due_on || ''" if conn.dialect.name == "sqlite" else "o.due_on"
        found += map(_outcome, hot.fetch(conn, _SPANNED.format(values=values, due=due)))
    return found


def amendments(session) -> dict[str, str]:
    """Every amendment: the visit it amends, by its uuid. Few, so one statement beats a lookup
    per outcome; ``> ''`` (not ``IS NOT NULL``) lets SQLite read just them by the index."""
    return dict(hot.fetch(session.connection(),
                          "SELECT uuid, amends FROM visit WHERE amends > ''"))


def customer_names(session, customer_ids: Iterable[int]) -> dict[int, str]:
    """Names by customer id. Asked for only the customers listed, in id order: joined to
    every outcome read, the names cost more than the outcomes (one page each, all over)."""
    ids = sorted({int(i) for i in customer_ids})
    names = {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        id_list = ",".join(map(str, ids[start:start + _IDS_PER_QUERY]))
        names.update(hot.fetch(session.connection(),
                               f"SELECT id, name FROM customer WHERE id IN ({id_list})"))
    return names


_PAID_SINCE = """
WITH span(cid, since) AS (VALUES {values})
SELECT p.customer_id, p.paid_on, p.amount_minor, p.currency, p.visit_uuid, p.id
FROM span s CROSS JOIN payment p WHERE p.customer_id = s.cid AND p.paid_on >= s.since
  AND NOT EXISTS (SELECT 1 FROM receipt vr WHERE vr.payment_id = p.id AND vr.state = 'voided')"""


def payments_of(session, since: dict[int, date]) -> list[PaymentLine]:
    """Payments of each customer in ``since`` made on or after its day there: one statement
    per many customers, each read from its own day (index on customer and day). The payment
    of a receipt the office voided keeps nothing: it is not read."""
    conn = session.connection()
    ids = sorted(since)
    found = []
    for start in range(0, len(ids), _IDS_PER_QUERY):
        values = ",".join(f"({int(cid)}, {_literal(conn, since[cid])})"
                          for cid in ids[start:start + _IDS_PER_QUERY])
        for cid, paid_on, minor, currency, visit, pid in hot.fetch(
                conn, _PAID_SINCE.format(values=values)):
            found.append(PaymentLine(cid, _day(paid_on), Money(int(minor), currency), visit,
                                     str(pid)))
    return found


def _literal(conn, day: date) -> str:
    """A day inlined in a statement (a VALUES list has no column type to bind against)."""
    return f"'{day.isoformat()}'" if conn.dialect.name == "sqlite" else f"DATE '{day.isoformat()}'"


def _bind(conn, day: date):
    """SQLite keeps dates as ISO text (Python 3.12 deprecates the sqlite3 date adapter);
    other drivers send a date."""
    return day.isoformat() if conn.dialect.name == "sqlite" else day


def _marks(names: dict) -> str:
    return ", ".join(f":{name}" for name in names)


def _day(value) -> date | None:
    """Dates come back as ISO text from the bare SQLite driver, as dates from others."""
    if value is None or isinstance(value, date):
        return value
    return _iso_day(value)


@lru_cache(maxsize=4096)
def _iso_day(text: str) -> date:
    return date.fromisoformat(text)  # a few hundred distinct days among thousands of rows


def _outcome(r) -> LiveOutcome:
    uuid, visit_uuid, cid, kind, made_on, due_on, deadline, minor, currency, body = r
    amount = Money(int(minor), currency) if currency else None  # disputes, revisits: none
    return LiveOutcome(uuid, visit_uuid, cid, kind, _day(made_on), _day(due_on),
                       datetime.fromisoformat(deadline) if deadline else None, amount, amount,
                       _reminder_days(body) if kind in COMMITMENT_KINDS else None)


@lru_cache(maxsize=256)
def _reminder_days(body: str) -> int | None:
    """A commitment's body holds only its reminder days: a handful of distinct texts."""
    value = json.loads(body or "{}").get("reminder_days")
    return None if value is None else int(value)


def live_where(session, where: str, params: dict | None = None) -> list[LiveOutcome]:
    """Live outcomes matching a condition on ``o`` (the outcome) with :named ``params``, oldest
    first: for readers other than the follow-up lists (a collector's route)."""
    return [_outcome(r) for r in hot.fetch(session.connection(), _LIVE.format(where=where),
                                           params or {})]


def bind_day(session, day: date):
    """A day as a statement parameter on this session's database (see _bind)."""
    return _bind(session.connection(), day)
