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
_SAME_MONTH_DAYS = 31

# Each live outcome with the visit its visit amends (money taken there was not promised).
_LIVE = """
SELECT o.uuid, o.visit_uuid, o.customer_id, o.kind, o.created_on, o.due_on,
       o.deadline_at, o.amount_minor, v.amends, o.currency, o.body
FROM outcome o LEFT JOIN visit v ON v.uuid = o.visit_uuid
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


def commitments_of(session, customer_ids: Iterable[int], due_from: date,
                   due_until: date) -> list[LiveOutcome]:
    """Live promises and installment lines of ``customer_ids`` due in the days given. One
    statement per many customers: a customer has few commitments, unlike payments."""
    conn = session.connection()
    ids = sorted({int(i) for i in customer_ids})
    params = {"lo": _bind(conn, due_from), "hi": _bind(conn, due_until)}
    found = []
    for start in range(0, len(ids), _IDS_PER_QUERY):
        where = (f"o.customer_id IN ({','.join(map(str, ids[start:start + _IDS_PER_QUERY]))}) "
                 "AND o.kind IN ('promise', 'installment') AND o.due_on >= :lo AND o.due_on <= :hi")
        found += map(_outcome, hot.fetch(conn, _LIVE.format(where=where), params))
    return found


def amended(session, visit_uuids: Iterable[str]) -> dict[str, str]:
    """The visit each of ``visit_uuids`` amends, for those that amend one."""
    ids = sorted(set(visit_uuids))
    found = {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        names = {f"u{i}": u for i, u in enumerate(ids[start:start + _IDS_PER_QUERY])}
        found.update(hot.fetch(session.connection(), "SELECT uuid, amends FROM visit WHERE "
                               f"amends IS NOT NULL AND uuid IN ({_marks(names)})", names))
    return found


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


def payments_of(session, since: dict[int, date]) -> list[PaymentLine]:
    """Payments of each customer in ``since`` made on or after its day there."""
    conn = session.connection()
    found = []
    for chunk in _by_day(since):
        sql = ("SELECT customer_id, paid_on, amount_minor, currency, visit_uuid, id FROM payment "
               f"WHERE customer_id IN ({','.join(str(int(i)) for i in chunk)}) "
               "AND paid_on >= :since")
        for cid, paid_on, minor, currency, visit, pid in hot.fetch(
                conn, sql, {"since": _bind(conn, since[chunk[0]])}):
            day = _day(paid_on)
            if day >= since[cid]:  # the statement asks from its customers' earliest day
                found.append(PaymentLine(cid, day, Money(int(minor), currency), visit, str(pid)))
    return found


def _by_day(since: dict[int, date]) -> list[list[int]]:
    """Customers in statements of customers whose days lie within a month of each other:
    a plan made half a year ago must not fetch half a year of everyone's payments."""
    chunks: list[list[int]] = []
    for cid in sorted(since, key=lambda i: (since[i], i)):
        if (not chunks or len(chunks[-1]) == _IDS_PER_QUERY
                or (since[cid] - since[chunks[-1][0]]).days > _SAME_MONTH_DAYS):
            chunks.append([])
        chunks[-1].append(cid)
    return chunks


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
    uuid, visit_uuid, cid, kind, made_on, due_on, deadline, minor, amends, currency, body = r
    amount = Money(int(minor), currency) if currency else None  # disputes, revisits: none
    return LiveOutcome(uuid, visit_uuid, cid, kind, _day(made_on), _day(due_on),
                       datetime.fromisoformat(deadline) if deadline else None, amount, amount,
                       _reminder_days(body) if kind in COMMITMENT_KINDS else None,
                       (visit_uuid, amends) if amends else (visit_uuid,))


@lru_cache(maxsize=256)
def _reminder_days(body: str) -> int | None:
    """A commitment's body holds only its reminder days: a handful of distinct texts."""
    value = json.loads(body or "{}").get("reminder_days")
    return None if value is None else int(value)
