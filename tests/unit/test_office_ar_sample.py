"""The generated receivables export of the benchmark: deterministic, clean, importable; the
bench figures it gives on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

from fieldapp.bench_import import measure
from fieldapp.importers import Import
from fieldapp.services.office import ar_sample


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_seed_writes_the_same_file_and_it_reads_clean(tmp_path):
    a = ar_sample.write(tmp_path / "a.csv", 2500)
    b = ar_sample.write(tmp_path / "b.csv", 2500)
    c = ar_sample.write(tmp_path / "c.csv", 2500, seed=7)
    assert digest(a) == digest(b) != digest(c)
    reading = Import(a)
    codes = {r.customer_code for r in reading.records() if hasattr(r, "customer_code")}
    result = reading.result()
    assert (result.source, result.problems, result.rows) == ("plain", (), 2500)
    assert result.customers == 250 and "KH000001" in codes and "KH000250" in codes


def test_bench_figures_on_sqlite_and_postgresql(tmp_path, pg_server):
    figures = measure(tmp_path, 2000, pg_server.url())
    for suffix in ("", "_pg"):
        for key in ("import_ar{}_ms", "import_ar_raw{}_ms", "import_ar_ratio{}",
                    "import_ar_peak{}_mb", "import_ar_again{}_ms"):
            assert figures[key.format(suffix)] > 0, key.format(suffix)
    assert (tmp_path / "ar-sample-2000.csv").exists()
    assert figures["import_ar_xlsx_lines"] == 2000 and figures["import_ar_xlsx_ms"] > 0


def test_the_workbook_sample_holds_the_same_rows(tmp_path):
    def read(path):
        reading = Import(path)
        return [r for r in reading.records() if hasattr(r, "line")], reading.result()
    csv_rows, _ = read(ar_sample.write(tmp_path / "a.csv", 700))
    book_rows, result = read(ar_sample.write_xlsx(tmp_path / "a.xlsx", 700))
    assert (result.encoding, result.source, result.problems) == ("xlsx", "plain", ())
    assert book_rows == csv_rows
