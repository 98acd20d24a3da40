"""`fieldapp bench`'s ``kpi_ms``: the KPI dashboard of one quarter (team and every collector)
over 100,000 customers, 1,000,000 invoices and 100,000 records on PostgreSQL (scaled with
``--customers``: ten invoices and one record per customer), on the server
given (--pg-url, FIELDAPP_BENCH_PG) or a local one started for the run. The office is built
once in its own schema and kept in the bench cache; the dashboard reads its kept sums (schema
19), whose making from scratch is timed apart (``kpi_refresh_s``) when the office is built."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

PG_ENV = "FIELDAPP_BENCH_PG"
SCHEMA = "fieldapp_bench_kpi"
CUSTOMERS, INVOICES, RECORDS = 100_000, 1_000_000, 100_000
ROUNDS = 5


def measure(args, cache: Path, today: date) -> dict:
    """``kpi_ms`` (median of the rounds) and ``kpi_best_ms``, or a note saying why not."""
    url = getattr(args, "pg_url", None) or os.environ.get(PG_ENV) or None
    server = None
    if url is None:
        from . import pg_server  # noqa: PLC0415
        try:
            server = pg_server.start_server(cache / "office-pg")
        except pg_server.PgUnavailable as exc:
            return {"kpi_note": f"no PostgreSQL: {exc}; give --pg-url or {PG_ENV}"}
        url = server.url()
    try:
        return _measure(_schema(url), today, _sizes(getattr(args, "customers", CUSTOMERS)))
    finally:
        if server is not None:
            from . import pg_server  # noqa: PLC0415
            pg_server.stop_server(server)


def _schema(url: str) -> str:
    from .bench_office import in_schema  # noqa: PLC0415
    return in_schema(url, SCHEMA)


def _sizes(customers: int) -> tuple[int, int, int]:
    """(customers, invoices, records) of the bench office: the issue's figures at 100,000
    customers, the same proportions for a smaller ``--customers`` (a quick run, a test)."""
    customers = customers or CUSTOMERS
    return (customers, INVOICES * customers // CUSTOMERS, RECORDS * customers // CUSTOMERS)


def _measure(url: str, today: date, sizes: tuple[int, int, int]) -> dict:
    from .domain.kpi import quarter_before  # noqa: PLC0415
    from .services.office.app import build  # noqa: PLC0415
    from .store.engine import open_url  # noqa: PLC0415
    store = open_url(url)
    try:
        counts = ensure_office(store, today, *sizes)
        kpis = build(store, today).kpis
        first, last = quarter_before(today)
        kpis.dashboard(first, last)  # warm: the server's cache and the statement cache
        times = []
        for _ in range(ROUNDS):
            began = time.perf_counter()
            board = kpis.dashboard(first, last)
            times.append((time.perf_counter() - began) * 1000)
        return {"kpi_ms": round(statistics.median(times), 1), "kpi_best_ms": round(min(times), 1),
                "kpi_period": f"{first.isoformat()}..{last.isoformat()}",
                "kpi_figures": len(board.figures), **counts}
    finally:
        store.close()


def ensure_office(store, today: date, customers: int = CUSTOMERS, invoices_wanted: int = INVOICES,
                  records_wanted: int = RECORDS) -> dict:
    """The demo office of ``customers``, topped up to ``invoices_wanted`` invoices (copies of
    the demo's under another source) and ``records_wanted`` past records; built once."""
    from .services.demo_bulk_history import generate_bulk_history  # noqa: PLC0415
    from .services.office import demo  # noqa: PLC0415
    held = demo.held(store)
    if held != customers:
        print(f"building the KPI bench office ({customers} customers, {invoices_wanted} "
              f"invoices, {records_wanted} records) in PostgreSQL (once) …", file=sys.stderr,
              flush=True)
        if held:
            demo.clear(store)
        demo.fill(store, customers, seed=2026, today=today)
    invoices, records = _count(store, "invoice"), _count(store, "visit")
    if invoices < invoices_wanted:
        _copy_invoices(store, invoices_wanted - invoices)
    if records < records_wanted:
        generate_bulk_history(store, today, records_wanted - records)
    from .services.office import kpi_cache  # noqa: PLC0415
    began = time.perf_counter()
    made = kpi_cache.refresh_store(store)  # the kept sums, as the first dashboard would make them
    refresh = {"kpi_refresh_s": round(time.perf_counter() - began, 1)} if made else {}
    # VACUUM too: the visibility map lets the sums read the covering indexes alone.
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    return {"kpi_customers": demo.held(store), "kpi_invoices": _count(store, "invoice"),
            "kpi_records": _count(store, "visit"), **refresh}


def _count(store, table: str) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar()


def _copy_invoices(store, missing: int) -> None:
    """``missing`` more invoices: the first ones again under the source 'bench'."""
    with store.engine.begin() as conn:
        top = conn.exec_driver_sql("SELECT MAX(id) FROM invoice").scalar()
        conn.exec_driver_sql(
            "INSERT INTO invoice (id, customer_id, contract_id, number, issued_on, due_on, "
            "amount_minor, open_minor, currency, disputed, source, closed_on) "
            f"SELECT id + {int(top)}, customer_id, NULL, number, issued_on, due_on, amount_minor, "
            "open_minor, currency, disputed, 'bench', closed_on FROM invoice "
            f"WHERE id <= {int(missing)} ORDER BY id")
