"""`fieldapp bench`'s day-bundle import figures, on SQLite and on the PostgreSQL server given
(a few laptops instead of fifty: the figures' making, not their size, is checked here)."""

from __future__ import annotations

from fieldapp import bench_bundles


def test_the_bundle_import_is_measured_on_sqlite_and_postgresql(tmp_path, pg_server, monkeypatch):
    monkeypatch.setattr(bench_bundles, "LAPTOPS", 3)
    result = bench_bundles.measure(tmp_path, pg_server.url())  # as --pg-url gives it
    assert set(result) == {"import_bundles_s", "import_bundles_raw_s", "import_bundles_pg_s",
                           "import_bundles_raw_pg_s"}
    assert all(value > 0 for value in result.values()), result
    assert not list(tmp_path.iterdir())  # its files went with it


def test_without_a_server_only_sqlite_is_measured(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_bundles, "LAPTOPS", 2)
    monkeypatch.setenv("FIELDAPP_BENCH_PG", "")
    assert set(bench_bundles.measure(tmp_path)) == {"import_bundles_s", "import_bundles_raw_s"}
