"""The command line as a supervisor would script it: real processes, real profile folders."""

import json
import os
import subprocess
import sys

import pytest

from fieldapp import __version__
from tests import laptop_db


def run(*args, home=None, env=None):
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    cmd = [sys.executable, "-m", "fieldapp", *args] + (["--home", str(home)] if home else [])
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=600)


def count(db, table):
    with laptop_db.connect(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"fieldapp {__version__}"


def test_demo_data_fills_the_profile_and_refuses_to_mix(tmp_path):
    out = run("demo-data", "--customers", "40", "--today", "2026-11-22", "--history", "500",
              home=tmp_path)
    assert out.returncode == 0, out.stderr
    db = tmp_path / "fieldapp.db"
    assert count(db, "customer") == 40 and count(db, "invoice") > 40
    # the signed demo visits (each with its documents) and the bulk ones (without)
    assert count(db, "visit") > 500 and 0 < count(db, "document") < 100
    again = run("demo-data", "--customers", "10", home=tmp_path)
    assert again.returncode == 2
    assert "already" in again.stderr and "--replace" in again.stderr
    assert count(db, "customer") == 40
    replaced = run("demo-data", "--customers", "10", "--replace", home=tmp_path)
    assert replaced.returncode == 0, replaced.stderr
    assert count(db, "customer") == 10
    (saved,) = (tmp_path / "backups").glob("fieldapp-replaced-*.db")
    assert count(saved, "customer") == 40


def test_fieldapp_home_environment_variable(tmp_path):
    out = run("demo-data", "--customers", "5", env={"FIELDAPP_HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert count(tmp_path / "fieldapp.db", "customer") == 5


@pytest.mark.parametrize("args, message", [
    (["demo-data", "--customers", "0"], "must be at least 1"),
    (["demo-data", "--customers", "many"], "'many' is not a whole number"),
    (["--today", "22/11/2026", "demo-data"], "is not a date like"),
    (["demo-data", "--history", "-5"], "must be 0 or more"),
])
def test_bad_arguments_say_what_is_wrong(tmp_path, args, message):
    out = run(*args, home=tmp_path)
    assert out.returncode == 2 and message in out.stderr
    assert not (tmp_path / "fieldapp.db").exists()


def test_newer_database_is_refused_with_a_clear_message(tmp_path):
    assert run("demo-data", "--customers", "3", home=tmp_path).returncode == 0
    db = tmp_path / "fieldapp.db"
    with laptop_db.connect(db) as con:
        con.execute("UPDATE schema_meta SET value='42' WHERE key='schema_version'")
    out = run("demo-data", "--customers", "3", home=tmp_path)
    assert out.returncode == 2
    assert "newer fieldapp" in out.stderr and "schema 42" in out.stderr


def test_bench_json_on_a_small_portfolio(tmp_path):
    out = run("bench", "--json", "--customers", "300", "--history", "600", "--rounds", "1",
              "--ar-lines", "3000", "--cache", str(tmp_path / "b"),
              env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "FIELDAPP_BENCH_PG": ""})
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    for key in ("startup_ms", "demo_to_window_ms", "demo_first_start_ms", "search_p50_ms", "search_p95_ms", "search_raw_p95_ms",
                "customer_open_ms", "followups_ms", "customer_followups_ms", "rss_mb"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    assert result["customers"] == 300 and result["queries"] >= 50
    assert result["history_visits"] >= 600 and result["history_plans"] > 50
    assert result["followups_items"] > 0
    assert result["search_p50_ms"] <= result["search_p95_ms"]
    assert result["import_ar_lines"] == 3000
    for key in ("import_ar_ms", "import_ar_raw_ms", "import_ar_ratio", "import_ar_peak_mb"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, key
    # An assignment pack of 300 customers, built at the office and applied on a laptop.
    assert result["pack_customers"] == 300 and result["pack_build_ms"] > 0
    assert result["pack_apply_ms"] > 0 and result["pack_bytes"] > 0
    # The same once the laptop confirmed it and the office changed ten customers: a delta.
    assert result["pack_delta_customers"] == 10 and result["pack_delta_build_ms"] > 0
    assert 0 < result["pack_delta_bytes"] < result["pack_bytes"]
    assert result["pack_delta_apply_ms"] > 0
    assert result["import_bundles_s"] > 0 and result["import_bundles_raw_s"] > 0
    # The office's search on a PostgreSQL started for the run (or why there is none).
    if "office_search_note" not in result:
        assert 0 < result["office_search_p50_ms"] <= result["office_search_p95_ms"]
        assert result["office_search_customers"] == 300
        assert set(result["office_search_plan"]) == {"kh09999", "nguyen"}
