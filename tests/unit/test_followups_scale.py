"""The follow-up lists read a period, not the whole history, and still list what a full scan
would: checked against a plain recomputation over every stored row of a long demo history."""

import json
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from fieldapp.services import demo
from fieldapp.services import settings as cfg
from fieldapp.services.demo_bulk_history import generate_bulk_history
from fieldapp.services.demo_history import generate_history
from fieldapp.services.followups import FollowUpKind, FollowUps
from fieldapp.store import visit_repo
from fieldapp.store.engine import open_store
from tests.conftest import TODAY, VN, Clock

CUSTOMERS, PAST_VISITS = 240, 1500


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """A demo portfolio with the signed-history scenarios and years of bulk history, plus the
    cases bulk history lacks: amended and resolved outcomes, money taken on a promise's own
    visit, long and default reminders."""
    path = tmp_path_factory.mktemp("followups") / "fieldapp.db"
    store = open_store(path)
    demo.generate(store, CUSTOMERS, today=TODAY)
    generate_history(store, TODAY, 30)
    assert generate_bulk_history(store, TODAY, PAST_VISITS) == PAST_VISITS
    with sqlite3.connect(path) as con:
        live = con.execute("SELECT uuid, visit_uuid, customer_id, currency, amount_minor, due_on "
                           "FROM outcome WHERE kind = 'promise' AND due_on >= ? ORDER BY uuid",
                           ((TODAY - timedelta(days=25)).isoformat(),)).fetchall()
        future = [u for u, in con.execute("SELECT uuid FROM outcome WHERE kind = 'installment' "
                                          "AND due_on > ? ORDER BY uuid", (TODAY.isoformat(),))]
        con.execute("UPDATE outcome SET superseded_by = 'amended' WHERE uuid IN (?, ?)",
                    (live[0][0], live[1][0]))
        con.execute("UPDATE outcome SET resolved = 1 WHERE uuid = ?", (live[2][0],))
        for n, uuid in enumerate(future[:60]):  # far reminders, and the profile's setting
            body = {"reminder_days": None if n % 2 else 40 + n}
            con.execute("UPDATE outcome SET body = ? WHERE uuid = ?", (json.dumps(body), uuid))
    with store.sessions.begin() as session:
        for _u, visit, cid, currency, minor, due in live[3:9]:
            # Money taken on the promise's own visit does not count; money from elsewhere does.
            visit_repo.record_payment(session, cid, visit, date.fromisoformat(due), minor,
                                      currency, "cash", "", [])
        for _u, _visit, cid, currency, minor, due in live[9:12]:
            visit_repo.record_payment(session, cid, "another-visit", date.fromisoformat(due),
                                      minor // 2, currency, "cash", "", [])
    yield store, path
    store.close()


def _allocated(con, grace: int) -> dict[str, int]:
    """Each payment counted once, the plain way: every payment in order (day, id), offered to
    every live promise and line of its customer that was made by then, whose due day plus
    grace has not passed, in its currency, not made on the visit that took the money (nor on a
    visit that visit amends); the earliest due first, each up to its own amount."""
    commitments = con.execute(
        "SELECT uuid, visit_uuid, customer_id, created_on, due_on, amount_minor, currency "
        "FROM outcome WHERE kind IN ('promise', 'installment') AND superseded_by IS NULL "
        "AND resolved = 0").fetchall()
    amends = dict(con.execute("SELECT uuid, amends FROM visit WHERE amends IS NOT NULL"))

    def chain(visit):
        seen = [visit]
        while seen[-1] in amends:
            seen.append(amends[seen[-1]])
        return seen

    mine = {}
    for c in commitments:
        mine.setdefault(c[2], []).append(c)
    taken = {c[0]: 0 for c in commitments}
    payments = con.execute("SELECT id, customer_id, paid_on, amount_minor, currency, visit_uuid "
                           "FROM payment").fetchall()
    for pid, cid, day, minor, currency, visit in sorted(payments, key=lambda p: (p[2], str(p[0]))):
        open_ = [c for c in mine.get(cid, [])
                 if c[3] <= day <= (date.fromisoformat(c[4]) + timedelta(days=grace)).isoformat()
                 and c[6] == currency and visit not in chain(c[1])]
        for uuid, _v, _c, made, due, amount, _cur in sorted(open_, key=lambda c: (c[4], c[3], c[0])):
            share = min(minor, amount - taken[uuid])
            taken[uuid] += share
            minor -= share
    return taken


def _expected(path, now: datetime, grace: int, kept_pct: float, remind_default: int,
              near_hours: int):
    """Every live outcome judged the plain way: all rows, all payments, nothing skipped."""
    today = now.date()
    with sqlite3.connect(path) as con:
        rows = con.execute(
            "SELECT o.uuid, o.visit_uuid, o.customer_id, c.name, o.kind, o.due_on, "
            "o.deadline_at, o.amount_minor, o.body FROM outcome o "
            "JOIN customer c ON c.id = o.customer_id WHERE o.superseded_by IS NULL "
            "AND o.resolved = 0").fetchall()
        taken = _allocated(con, grace)
    found = []
    for uuid, visit, cid, name, kind, due, deadline, minor, body in rows:
        due = date.fromisoformat(due) if due else None
        if kind in ("promise", "installment"):
            required = minor
            window_end = due + timedelta(days=grace)
            paid = taken[uuid]
            remind = json.loads(body).get("reminder_days")
            remind = remind_default if remind is None else remind
            if paid * 100 >= required * kept_pct:
                continue
            if today > window_end:
                if (today - due).days <= 30:
                    what = "partially_kept" if paid else "broken"
                    found.append((what, cid, name, due, kind, minor, paid, None, visit))
            elif due == today:
                found.append(("due_today", cid, name, due, kind, minor, paid, None, visit))
            elif due < today:
                found.append(("overdue", cid, name, due, kind, minor, paid, None, visit))
            elif (due - today).days <= remind:
                found.append(("reminder", cid, name, due, kind, minor, paid, None, visit))
        elif kind == "dispute":
            at = datetime.fromisoformat(deadline).astimezone(now.tzinfo)  # the user's day
            what = ("dispute_late" if now > at else
                    "dispute_near" if at - now <= timedelta(hours=near_hours) else "dispute_open")
            found.append((what, cid, name, at.date(), "dispute", None, None, at, visit))
        elif kind in ("absent", "follow_up") and due <= today + timedelta(days=7):
            found.append(("revisit", cid, name, due, kind, None, None, None, visit))
    return found


def _plain(items):
    return [(f.kind.value, f.customer_id, f.customer_name, f.due_on, f.what,
             f.amount.minor if f.amount else None, f.paid.minor if f.paid else None, f.deadline,
             f.visit_uuid) for f in items]


@pytest.mark.parametrize("days, grace, kept_pct", [
    (0, 3, 100.0), (-12, 3, 100.0), (9, 0, 80.0), (0, 45, 100.0), (35, 3, 60.0)])
def test_lists_match_a_full_scan(portfolio, days, grace, kept_pct):
    store, path = portfolio
    settings = cfg.Settings(store)
    settings.set(cfg.PROMISE_GRACE_DAYS, grace)
    settings.set(cfg.PROMISE_KEPT_PCT, kept_pct)
    now = datetime.combine(TODAY + timedelta(days=days), datetime.min.time()).replace(hour=10,
                                                                                     tzinfo=VN)
    follow = FollowUps(store, settings, Clock(now))
    expected = _expected(path, now, grace, kept_pct, 1, 6)
    listed = follow.list()
    assert Counter(_plain(listed)) == Counter(expected)
    # not a trivial agreement: commitments judged several ways, disputes, revisits
    kinds = {f.kind for f in listed}
    assert len(listed) > 30 and len(kinds) >= 4 and FollowUpKind.REVISIT in kinds, kinds
    assert {"promise", "installment", "dispute"} <= {f.what for f in listed}
    order = list(FollowUpKind)
    keys = [(order.index(f.kind), f.due_on, f.customer_name) for f in listed]
    assert keys == sorted(keys)
    customers = Counter(e[1] for e in expected)
    for cid in [c for c, _n in customers.most_common(15)] + [1, 2, 3]:
        mine = [e for e in expected if e[1] == cid]
        assert Counter(_plain(follow.list(cid))) == Counter(mine), cid


def test_promise_statuses_match_a_full_scan(portfolio):
    store, path = portfolio
    settings = cfg.Settings(store)
    settings.set(cfg.PROMISE_GRACE_DAYS, 3)
    settings.set(cfg.PROMISE_KEPT_PCT, 100.0)
    follow = FollowUps(store, settings, Clock(datetime(2026, 11, 22, 10, tzinfo=VN)))
    with sqlite3.connect(path) as con:
        promises = con.execute("SELECT o.customer_id, o.visit_uuid, o.uuid, o.due_on, "
                               "o.amount_minor FROM outcome o WHERE o.kind = 'promise' "
                               "AND o.superseded_by IS NULL AND o.resolved = 0").fetchall()
        taken = _allocated(con, 3)
    busiest = Counter(p[0] for p in promises).most_common(10)
    checked = 0
    for cid, _n in busiest:
        expected = {}
        for _c, visit, uuid, due, minor in (p for p in promises if p[0] == cid):
            end = (date.fromisoformat(due) + timedelta(days=3)).isoformat()
            paid = taken[uuid]
            status = ("kept" if paid >= minor else "open" if "2026-11-22" <= end else
                      "partially_kept" if paid else "broken")
            expected[visit] = (status, paid)
        got = follow.promise_statuses(cid)
        assert {v: (s.value, m.minor) for v, (s, m) in got.items()} == expected
        checked += len(expected)
    assert checked > 20


def test_the_number_of_statements_does_not_grow_with_the_list(portfolio):
    """A few statements for the whole list: none per outcome, per plan line or per customer."""
    store, _path = portfolio
    store.engine.dispose()  # every connection from here on is traced
    statements = []

    @event.listens_for(store.engine, "connect")
    def trace(dbapi_conn, _record):
        dbapi_conn.set_trace_callback(statements.append)

    try:
        follow = FollowUps(store, cfg.Settings(store), Clock(datetime(2026, 11, 22, 10, tzinfo=VN)))
        statements.clear()
        listed = follow.list()
        reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        # settings, outcomes, names, and payments by month of the oldest commitment judged
        assert len(reads) <= 16 < len(listed), reads
    finally:
        event.remove(store.engine, "connect", trace)
        store.engine.dispose()
