"""`fieldapp bench`: the office's search on 100,000 customers on PostgreSQL (p50, p95), with the
laptop's query list, on the server given (--pg-url, FIELDAPP_BENCH_PG) or a local one started
for the run (its data kept in the bench cache, so the customers are loaded once)."""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

from .bench_queries import QUERIES

PG_ENV = "FIELDAPP_BENCH_PG"
SCHEMA = "fieldapp_bench"  # the bench's own schema: a given database is otherwise untouched
# Queries whose plans are reported: a rare code (the trigram index finds it) and a common name
# (read along the ids until a page is full).
_EXPLAINED = ("kh09999", "nguyen")


def measure(args, cache: Path, today: date) -> dict:
    """``office_search_p50_ms`` and ``office_search_p95_ms``, or a note saying why not."""
    url = getattr(args, "pg_url", None) or os.environ.get(PG_ENV) or None
    server = None
    if url is None:
        from . import pg_server  # noqa: PLC0415
        try:
            server = pg_server.start_server(cache / "office-pg")
        except pg_server.PgUnavailable as exc:
            return {"office_search_note": f"no PostgreSQL: {exc}; give --pg-url or {PG_ENV}"}
        url = server.url()
    try:
        return _measure(in_schema(url), args.customers, args.rounds, today)
    finally:
        if server is not None:
            from . import pg_server  # noqa: PLC0415
            pg_server.stop_server(server)


def in_schema(url: str, schema: str = SCHEMA) -> str:
    """``url`` working in its own ``schema`` (made when missing): each bench keeps its data
    apart, and a database given with --pg-url is otherwise untouched."""
    from sqlalchemy import create_engine  # noqa: PLC0415
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    finally:
        engine.dispose()
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}%2Cpublic"


def _measure(url: str, customers: int, rounds: int, today: date) -> dict:
    from .services.office import demo  # noqa: PLC0415
    from .services.portfolio import Portfolio  # noqa: PLC0415
    from .store.engine import open_url  # noqa: PLC0415
    store = open_url(url)
    try:
        held = demo.held(store)
        if held != customers:
            print(f"loading {customers} demo customers into PostgreSQL for the office search "
                  "(once) …", file=sys.stderr, flush=True)
            if held:
                demo.clear(store)
            demo.fill(store, customers, seed=2026, today=today)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        portfolio = Portfolio(store, lambda: today)
        for query in QUERIES:  # warm: the server's cache and the statement cache
            portfolio.search(query)
        times = [_ms(portfolio.search, q) for _ in range(rounds) for q in QUERIES]
        return {"office_search_p50_ms": _pct(times, 50), "office_search_p95_ms": _pct(times, 95),
                "office_search_customers": customers, "office_search_engine": "postgresql",
                "office_search_plan": _plan(store, today)}
    finally:
        store.close()


def _plan(store, today: date) -> dict:
    """How PostgreSQL finds the matches of each explained query: the indexes it uses."""
    from sqlalchemy import text  # noqa: PLC0415

    from .store import search_sql  # noqa: PLC0415
    plans = {}
    with store.engine.connect() as conn:
        for query in _EXPLAINED:
            stmt = search_sql.count_sql(query, "postgresql")
            lines = [r[0] for r in conn.execute(text("EXPLAIN " + stmt.sql), stmt.params)]
            used = [line.split("(cost")[0].strip().lstrip("-> ") for line in lines
                    if "Scan" in line]
            plans[query] = "; ".join(used)
    return plans


def _ms(fn, *args) -> float:
    began = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - began) * 1000


def _pct(values: list[float], pct: int) -> float:
    """The same nearest-rank percentile as the laptop's search figures."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))], 2)
