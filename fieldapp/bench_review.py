"""`fieldapp bench`: one page of the review inbox over 100,000 imported records on PostgreSQL
(``inbox_page_ms``, p95 over the filters a supervisor uses, first and later pages), on the
server given (--pg-url, FIELDAPP_BENCH_PG) or a local one kept in the bench cache."""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

SCHEMA = "fieldapp_bench_review"  # its own schema: the records are loaded once
RECORDS = 100_000
COLLECTORS, CUSTOMERS = 40, 2_000
KINDS = ("promise", "dispute", "money_received", "absent", "refusal", "installment_plan")
STATES = ("received",) * 6 + ("approved",) * 3 + ("has_issues", "rejected")
ROUNDS = 20


def measure(args, cache: Path, records: int = RECORDS) -> dict:
    """``inbox_page_ms`` (p95) and its p50, or a note saying why not."""
    from . import bench_office, pg_server  # noqa: PLC0415
    url = getattr(args, "pg_url", None) or os.environ.get(bench_office.PG_ENV) or None
    server = None
    if url is None:
        try:
            server = pg_server.start_server(cache / "office-pg")
        except pg_server.PgUnavailable as exc:
            return {"inbox_page_note": f"no PostgreSQL: {exc}"}
        url = server.url()
    try:
        return _measure(_schema(url), records)
    finally:
        if server is not None:
            pg_server.stop_server(server)


def _schema(url: str) -> str:
    from .bench_office import in_schema  # noqa: PLC0415
    return in_schema(url, SCHEMA)


def _measure(url: str, records: int) -> dict:
    from .domain.instants import UTC  # noqa: PLC0415
    from .domain.review import InboxFilter  # noqa: PLC0415
    from .services.office.review import Review  # noqa: PLC0415
    from .store.engine import open_url  # noqa: PLC0415
    store = open_url(url)
    try:
        collectors, first_day = _ensure(store, records)
        review = Review(store, lambda: datetime.now(timezone.utc), "bench", lambda: UTC)
        with store.engine.connect() as conn:  # a cursor half way down the inbox
            middle = tuple(conn.exec_driver_sql(
                "SELECT started_at, visit_uuid FROM review ORDER BY started_at, visit_uuid "
                f"OFFSET {records // 2} LIMIT 1").one())
        filters = [InboxFilter(), InboxFilter(state="received"),
                   InboxFilter(collector_id=collectors[7]),
                   InboxFilter(day=first_day + timedelta(days=20)),
                   InboxFilter(outcome="dispute"),
                   InboxFilter(collector_id=collectors[3], state="has_issues")]
        for f in filters:  # warm the server's cache and the statement cache
            review.page(f)
        times = [_ms(lambda f=f: review.page(f)) for _ in range(ROUNDS) for f in filters]
        times += [_ms(lambda: review.page(InboxFilter(), middle)) for _ in range(ROUNDS)]
        return {"inbox_page_ms": _pct(times, 95), "inbox_page_p50_ms": _pct(times, 50),
                "inbox_records": records}
    finally:
        store.close()


def _ensure(store, records: int) -> tuple[list[str], date]:
    """The bench's collectors and first day, loading the records first if they are not all
    there (set-wise: a statement per 5,000 rows)."""
    from sqlalchemy import func, select  # noqa: PLC0415

    from .store.tables import CollectorRow, ReviewRow  # noqa: PLC0415
    first = date(2026, 7, 1)
    with store.sessions.begin() as session:
        held = session.execute(select(func.count()).select_from(ReviewRow)).scalar()
    if held != records:
        print(f"loading {records} inbox records into PostgreSQL (once) …", file=sys.stderr,
              flush=True)
        _load(store, records, first)
    with store.sessions.begin() as session:
        collectors = list(session.execute(select(CollectorRow.id).order_by(
            CollectorRow.name)).scalars())
    return collectors, first


def _load(store, records: int, first: date) -> None:
    from sqlalchemy import delete, insert  # noqa: PLC0415

    from .services.office import demo  # noqa: PLC0415
    from .store.tables import (CollectorRow, DeviceRow, OutcomeRow, ReviewRow,  # noqa: PLC0415
                               VisitRow)
    with store.sessions.begin() as session:
        for table in (ReviewRow, OutcomeRow, VisitRow, DeviceRow):
            session.execute(delete(table))
        session.execute(delete(CollectorRow).where(CollectorRow.id.like("bench-%")))
    if demo.held(store):
        demo.clear(store)
    demo.fill(store, CUSTOMERS, seed=2026, today=first)
    at = "2026-07-01T00:00:00+00:00"
    with store.sessions.begin() as session:
        session.execute(insert(CollectorRow.__table__), [
            {"id": f"bench-{n:02d}", "name": f"Bench collector {n:02d}", "phone": "",
             "language": "vi", "active": True, "created_at": at} for n in range(COLLECTORS)])
        session.execute(insert(DeviceRow.__table__), [
            {"id": f"dev-{n:02d}", "collector_id": f"bench-{n:02d}", "certificate": "",
             "enrolled_at": at} for n in range(COLLECTORS)])
    start = datetime.combine(first, datetime.min.time(), timezone.utc)
    for chunk in range(0, records, 5_000):
        visits, outcomes, reviews = [], [], []
        for n in range(chunk, min(chunk + 5_000, records)):
            _record(n, start, visits, outcomes, reviews)
        with store.sessions.begin() as session:
            session.execute(insert(VisitRow.__table__), visits)
            session.execute(insert(OutcomeRow.__table__), outcomes)
            session.execute(insert(ReviewRow.__table__), reviews)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _record(n: int, start: datetime, visits: list, outcomes: list, reviews: list) -> None:
    """Record ``n``: a collector's visit some minutes after the previous one, one outcome."""
    vid, moment = str(uuid.UUID(int=n + 1)), start + timedelta(minutes=2 * n)
    at, customer, collector = moment.isoformat(), 1 + n % CUSTOMERS, n % COLLECTORS
    body = json.dumps({"uuid": vid, "device_id": f"dev-{collector:02d}"})
    visits.append({"uuid": vid, "customer_id": customer, "kind": "visit", "status": "final",
                   "started_at": at, "updated_at": at, "finalized_at": at, "amends": None,
                   "body": body, "sha256": ""})
    outcomes.append({"uuid": str(uuid.uuid4()), "visit_uuid": vid, "customer_id": customer,
                     "kind": KINDS[n % len(KINDS)], "created_on": moment.date(),
                     "due_on": None, "deadline_at": None, "amount_minor": 0, "currency": "",
                     "receipt_no": "", "superseded_by": None, "resolved": False, "body": "{}"})
    state = STATES[n % len(STATES)]
    reviews.append({"visit_uuid": vid, "device": f"dev-{collector:02d}",
                    "collector_id": f"bench-{collector:02d}", "customer_id": customer,
                    "started_at": at, "day": moment.date(), "received_at": at, "state": state,
                    "state_at": at if state != "received" else None, "state_by": "",
                    "reason": "bench" if state == "rejected" else ""})


def _ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _pct(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))], 2)


if __name__ == "__main__":  # `python -m fieldapp.bench_review [CACHE]`: this figure alone
    from types import SimpleNamespace
    print(json.dumps(measure(SimpleNamespace(pg_url=None),
                             Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))))
