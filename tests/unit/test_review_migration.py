"""Schema step 18 on an office file of schema 17 that already imported a laptop's visits: each
final visit an enrolled laptop sent gets its inbox row ("received", its collector, its day in the
office's zone); the laptop's own visits (no enrolled device) get none."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from fieldapp.store import migrations
from fieldapp.store.engine import open_store, sqlite_url

AT = "2026-11-20T17:30:00+00:00"  # 00:30 on 21 November in Hồ Chí Minh City


def _visit(conn, uuid: str, device: str) -> None:
    conn.execute(text(
        "INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, "
        "finalized_at, amends, body, sha256) VALUES (:u, 1, 'visit', 'final', :a, :a, :a, NULL, "
        ":b, '')"), {"u": uuid, "a": AT, "b": json.dumps({"uuid": uuid, "device_id": device})})


def test_step_18_gives_each_visit_an_enrolled_laptop_sent_an_inbox_row(tmp_path):
    path = tmp_path / "office.db"
    path.touch()
    engine = create_engine(sqlite_url(path))
    with engine.begin() as conn:
        migrations.create_version(conn, 17)
        conn.execute(text(
            "INSERT INTO customer (id, code, name, tax_code, phone, address, district, province, "
            "country, business_status, business_notes, financial_notes, personality_notes, "
            "cooperation_since, credit_limit_minor, currency, language, territory) VALUES (1, "
            "'KH1', 'An Phát', '', '', '', '', '', 'VN', 'active', '', '', '', '2020-01-01', 0, "
            "'VND', 'vi', '')"))
        conn.execute(text("INSERT INTO collector (id, name, phone, language, active, created_at) "
                          "VALUES ('c1', 'Lan', '', 'vi', 1, :a)"), {"a": AT})
        conn.execute(text("INSERT INTO device (id, collector_id, certificate, enrolled_at) "
                          "VALUES ('dev-1', 'c1', '', :a)"), {"a": AT})
        conn.execute(text("INSERT INTO setting (\"key\", value) VALUES ('time.zone', "
                          "'Asia/Ho_Chi_Minh')"))
        _visit(conn, "v-sent", "dev-1")
        _visit(conn, "v-own", "this-laptop")
    engine.dispose()
    store = open_store(path, tmp_path / "backups")
    try:
        with store.engine.connect() as conn:
            assert migrations.current_version(conn) == migrations.LATEST
            rows = conn.execute(text("SELECT visit_uuid, device, collector_id, day, state "
                                     "FROM review")).all()
    finally:
        store.close()
    assert [tuple(map(str, r)) for r in rows] == [("v-sent", "dev-1", "c1", "2026-11-21",
                                                    "received")]
