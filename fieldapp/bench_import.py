"""`fieldapp bench`'s receivables import figures: a generated N-line export imported into a fresh
office database, against the same file parsed with the csv module and its rows inserted with a
bare executemany into the same kind of database. Each run in its own process (peak memory)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PG_ENV = "FIELDAPP_BENCH_PG"
TODAY = date(2026, 11, 22)
CHUNK = 5_000
XLSX_LINES = 100_000  # the workbook: 100,000 lines within a minute


def measure(cache: Path, lines: int, pg_url: str | None = None) -> dict:
    """import_ar_ms, import_ar_raw_ms, their ratio and import_ar_peak_mb on SQLite; the same
    with _pg on PostgreSQL when a server URL is given (or FIELDAPP_BENCH_PG)."""
    from .services.office import ar_sample

    sample = Path(cache) / f"ar-sample-{lines}.csv"
    workbook = Path(cache) / f"ar-sample-{min(lines, XLSX_LINES)}.xlsx"
    sample.parent.mkdir(parents=True, exist_ok=True)
    if not sample.exists():
        ar_sample.write(sample.with_suffix(".part"), lines, today=TODAY).replace(sample)
    if not workbook.exists():
        ar_sample.write_xlsx(workbook.with_suffix(".part"), min(lines, XLSX_LINES),
                             today=TODAY).replace(workbook)
    result = {"import_ar_lines": lines,
              "import_ar_xlsx_lines": min(lines, XLSX_LINES),
              "import_ar_xlsx_ms": _child("ours", workbook, None)["ms"]}
    engines = [("", None)] + ([("_pg", pg_url)] if (pg_url := pg_url or os.environ.get(PG_ENV))
                              else [])
    for suffix, url in engines:
        ours, raw = _child("ours", sample, url), _child("raw", sample, url)
        result.update({f"import_ar{suffix}_ms": ours["ms"], f"import_ar_raw{suffix}_ms": raw["ms"],
                       f"import_ar_ratio{suffix}": round(ours["ms"] / max(raw["ms"], 0.001), 2),
                       f"import_ar_peak{suffix}_mb": ours["peak_mb"],
                       f"import_ar_again{suffix}_ms": ours["again_ms"]})
    return result


def _child(kind: str, sample: Path, url: str | None) -> dict:
    out = subprocess.run([sys.executable, "-m", "fieldapp.bench_import", kind, str(sample),
                          url or ""], capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(f"the {kind} import run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fresh(url: str | None, folder: Path):
    """A fresh office database: a SQLite file, or a new schema on the PostgreSQL server."""
    from .store.engine import open_store, open_url

    if not url:
        return open_store(folder / "office.db"), lambda: None
    from sqlalchemy import create_engine, text

    name = f"fieldapp_bench_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {name}"))
    joiner = "&" if "?" in url else "?"

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()
    return open_url(f"{url}{joiner}options=-csearch_path%3D{name}"), drop


def run_ours(sample: Path, url: str | None) -> dict:
    from .services.office.app import build

    with tempfile.TemporaryDirectory() as folder:
        store, drop = _fresh(url, Path(folder))
        try:
            imports = build(store, TODAY, "bench").imports
            began = time.perf_counter()
            report = imports.apply(sample)
            ms = (time.perf_counter() - began) * 1000
            if not report.imported:
                raise RuntimeError(f"the sample was not imported: {report.as_json()}")
            began = time.perf_counter()
            imports.apply(sample)  # the same file again: nothing changes
            again = (time.perf_counter() - began) * 1000
        finally:
            store.close()
            drop()
    return {"ms": round(ms, 1), "again_ms": round(again, 1), "peak_mb": _peak_mb()}


def run_raw(sample: Path, url: str | None) -> dict:
    """The floor: csv.reader, customers by code in a dict, invoices with executemany."""
    with tempfile.TemporaryDirectory() as folder:
        store, drop = _fresh(url, Path(folder))
        try:
            began = time.perf_counter()
            with store.engine.begin() as conn:
                _raw_insert(conn.connection.dbapi_connection, sample, store.is_sqlite)
            ms = (time.perf_counter() - began) * 1000
        finally:
            store.close()
            drop()
    return {"ms": round(ms, 1), "peak_mb": _peak_mb()}


def _raw_insert(dbapi, sample: Path, sqlite: bool) -> None:
    mark = "?" if sqlite else "%s"
    invoice = (f"INSERT INTO invoice (id, customer_id, contract_id, number, issued_on, due_on, "
               f"amount_minor, open_minor, currency, disputed, source) VALUES "
               f"({', '.join([mark] * 11)})")
    customer = (f"INSERT INTO customer (id, code, name, tax_code, phone, address, district, "
                f"province, country, business_status, business_notes, financial_notes, "
                f"personality_notes, cooperation_since, credit_limit_minor, currency, language, "
                f"territory) VALUES ({', '.join([mark] * 18)})")
    customers: dict[str, int] = {}
    cursor, batch = dbapi.cursor(), []
    with sample.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for n, (code, name, number, issued, due, amount, open_, currency) in enumerate(rows, 1):
            cid = customers.get(code)
            if cid is None:
                cid = customers[code] = len(customers) + 1
                cursor.execute(customer, (cid, code, name, "", "", "", "", "", "VN", "active", "",
                                          "", "", _iso(issued), 0, currency, "vi", ""))
            batch.append((n, cid, None, number, _iso(issued), _iso(due), int(amount),
                          int(open_), currency, False, "plain"))
            if len(batch) >= CHUNK:
                cursor.executemany(invoice, batch)
                batch.clear()
    if batch:
        cursor.executemany(invoice, batch)


def _iso(day: str) -> str:
    return f"{day[6:10]}-{day[3:5]}-{day[0:2]}"


def _peak_mb() -> float:
    import resource
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


if __name__ == "__main__":
    kind, path, server = sys.argv[1], Path(sys.argv[2]), sys.argv[3] or None
    print(json.dumps((run_ours if kind == "ours" else run_raw)(path, server)))
