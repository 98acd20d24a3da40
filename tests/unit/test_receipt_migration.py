"""Schema step 20 on an office file of schema 19 that already imported money taken on site:
each such payment with its numbered receipt becomes a pending receipt of the laptop whose
short id starts the number (and its collector); a laptop's file gets none."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from fieldapp.store import migrations
from fieldapp.store.engine import open_store, sqlite_url

AT = "2026-11-20T02:00:00+00:00"
DEVICE = "0a1b2c3d-0000-4000-8000-000000000001"


def _schema_19(path, enrolled: bool) -> None:
    path.touch()
    engine = create_engine(sqlite_url(path))
    with engine.begin() as conn:
        migrations.create_version(conn, 19)
        conn.execute(text(
            "INSERT INTO customer (id, code, name, tax_code, phone, address, district, province, "
            "country, business_status, business_notes, financial_notes, personality_notes, "
            "cooperation_since, credit_limit_minor, currency, language, territory, row_version) "
            "VALUES (1, 'KH1', 'An Phát', '', '', '', '', '', 'VN', 'active', '', '', '', "
            "'2020-01-01', 0, 'VND', 'vi', '', 1)"))
        if enrolled:
            conn.execute(text("INSERT INTO collector (id, name, phone, language, active, "
                              "created_at) VALUES ('c1', 'Lan', '', 'vi', 1, :a)"), {"a": AT})
            conn.execute(text("INSERT INTO device (id, collector_id, certificate, enrolled_at) "
                              "VALUES (:d, 'c1', '', :a)"), {"d": DEVICE, "a": AT})
        conn.execute(text(
            "INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, "
            "finalized_at, amends, body, sha256) VALUES ('v1', 1, 'visit', 'final', :a, :a, :a, "
            "NULL, '{}', '')"), {"a": AT})
        conn.execute(text(
            "INSERT INTO outcome (uuid, visit_uuid, customer_id, kind, created_on, due_on, "
            "deadline_at, amount_minor, currency, receipt_no, superseded_by, resolved, body) "
            "VALUES ('o1', 'v1', 1, 'money_received', '2026-11-20', NULL, NULL, 700000, 'VND', "
            "'0A1B2C3D-000007', NULL, 0, '{}')"))
        conn.execute(text(
            "INSERT INTO payment (id, customer_id, paid_on, amount_minor, currency, method, "
            "reference, visit_uuid) VALUES ('p1', 1, '2026-11-20', 700000, 'VND', 'cash', '', "
            "'v1')"))
    engine.dispose()


def _receipts(path, backups) -> list[tuple]:
    store = open_store(path, backups)
    try:
        with store.engine.connect() as conn:
            assert migrations.current_version(conn) == migrations.LATEST
            return [tuple(r) for r in conn.execute(text(
                "SELECT receipt_no, payment_id, device, collector_id, amount_minor, state "
                "FROM receipt"))]
    finally:
        store.close()


def test_step_20_makes_pending_receipts_of_money_already_imported(tmp_path):
    _schema_19(tmp_path / "office.db", enrolled=True)
    assert _receipts(tmp_path / "office.db", tmp_path / "b") == [
        ("0A1B2C3D-000007", "p1", DEVICE, "c1", 700000, "pending")]


def test_step_20_leaves_a_laptop_without_receipts(tmp_path):
    _schema_19(tmp_path / "laptop.db", enrolled=False)
    assert _receipts(tmp_path / "laptop.db", tmp_path / "b") == []
