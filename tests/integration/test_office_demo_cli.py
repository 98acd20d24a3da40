"""`fieldapp office demo-data` as a trainer scripts it: the same customers as the laptop's
demo-data with the same seed, collectors and routes, on a SQLite office and on PostgreSQL."""

import json
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from tests import laptop_db
from tests.integration.test_cli import run

DAY = "2026-11-25"


def _laptop(home, seed="7"):
    out = run("demo-data", "--customers", "40", "--seed", seed, "--today", DAY, home=home)
    assert out.returncode == 0, out.stderr
    store = laptop_db.open_laptop_store(home / "fieldapp.db")  # encrypted under the test PIN
    try:
        return _ledger(store.engine)
    finally:
        store.close()


def _ledger(url_or_engine):
    """Customer codes and names, invoice numbers and amounts, contracts, deliveries, payments."""
    engine = create_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        with engine.connect() as conn:
            def rows(sql):
                return sorted(tuple(str(v) for v in r) for r in conn.execute(text(sql)))
            return {"customers": rows("SELECT code, name, tax_code FROM customer"),
                    "invoices": rows("SELECT c.code, i.number, i.amount_minor, i.currency, "
                                     "i.due_on FROM invoice i JOIN customer c ON "
                                     "c.id = i.customer_id"),
                    "contracts": rows("SELECT number, signed_on FROM contract"),
                    "deliveries": rows("SELECT note_number, delivered_on FROM delivery"),
                    "payments": rows("SELECT id, customer_id, paid_on, amount_minor, "
                                     "method, reference, visit_uuid FROM payment")}
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()


def _same(office, laptop):
    """The same ledger; the laptop's past demo visits took some more money (transfers the
    customers said they made, cash on a visit), which the office learns of only by sync."""
    extra = set(laptop["payments"]) - set(office["payments"])
    assert set(office["payments"]) <= set(laptop["payments"])
    assert all(p[5].startswith("UNC ") or p[6] != "None" for p in extra), extra
    assert len(extra) < len(office["payments"]) / 20
    for key in ("customers", "invoices", "contracts", "deliveries"):
        assert office[key] == laptop[key], key


def _office(home, *extra, db=None):
    args = ["office", "--today", DAY, "demo-data", "--customers", "40", "--seed", "7",
            "--json", *extra]
    return run(*args, *(["--db", db] if db else []), home=home)


def test_the_office_holds_the_laptops_customers_with_collectors_and_routes(tmp_path):
    laptop = _laptop(tmp_path / "laptop")
    out = _office(tmp_path / "office")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    db = tmp_path / "office" / "office.db"
    assert report["database"] == str(db)
    assert report["customers"] == 40 and report["collectors"] == 6
    assert report["assigned"] == 40 and report["route_stops"] > 0
    assert (report["week_from"], report["week_to"]) == ("2026-11-23", "2026-11-28")
    _same(_ledger(f"sqlite:///{db}"), laptop)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM route_stop WHERE collector_id IS NULL "
                           "OR route_date NOT BETWEEN '2026-11-23' AND '2026-11-28'"
                           ).fetchone() == (0,)
    # Another seed is another portfolio.
    other = _laptop(tmp_path / "other", seed="8")
    assert other["customers"] != laptop["customers"]


def test_an_office_with_customers_is_refused_unless_replaced(tmp_path):
    assert _office(tmp_path).returncode == 0
    db = tmp_path / "office.db"
    with sqlite3.connect(db) as con:
        con.execute("UPDATE customer SET name = 'Kept by hand' WHERE id = 1")
    again = _office(tmp_path)
    assert again.returncode == 2 and "already holds 40 customers" in again.stderr
    assert "--replace" in again.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT name FROM customer WHERE id = 1").fetchone() == ("Kept by hand",)
    replaced = _office(tmp_path, "--replace")
    assert replaced.returncode == 0, replaced.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT name FROM customer WHERE id = 1").fetchone() != ("Kept by hand",)
        assert con.execute("SELECT COUNT(*) FROM collector").fetchone() == (6,)
    (saved,) = (tmp_path / "backups").glob("office-v*.db")
    with sqlite3.connect(saved) as con:
        assert con.execute("SELECT name FROM customer WHERE id = 1").fetchone() == ("Kept by hand",)


def test_a_postgresql_office_is_filled_the_same_way(tmp_path, pg_url):
    laptop = _laptop(tmp_path / "laptop")
    out = _office(tmp_path / "office", db=pg_url)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["database"].startswith("postgresql+psycopg://")
    _same(_ledger(pg_url), laptop)
    refused = _office(tmp_path / "office", db=pg_url)
    assert refused.returncode == 2 and "already holds 40 customers" in refused.stderr
    assert _office(tmp_path / "office", "--replace", db=pg_url).returncode == 0
    _same(_ledger(pg_url), laptop)


@pytest.mark.parametrize("flag", ["--json", None])
def test_the_report_names_what_was_made(tmp_path, flag):
    out = run("office", "demo-data", "--customers", "12", *([flag] if flag else []),
              home=tmp_path)
    assert out.returncode == 0, out.stderr
    if flag:
        assert json.loads(out.stdout)["customers"] == 12
    else:
        assert "Demo office written to" in out.stdout and "collectors" in out.stdout
