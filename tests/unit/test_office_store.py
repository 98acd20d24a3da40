"""The office's store on both engines: search (Chinese, wildcards, trigram indexes), nothing
written on open, and PostgreSQL connection problems as coded errors without the password."""

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from fieldapp.domain.errors import FieldappError
from fieldapp.services import app_services
from fieldapp.services import settings as cfg
from fieldapp.services.office import app as office_app
from fieldapp.services.office import demo as office_demo
from fieldapp.services.portfolio import Portfolio
from fieldapp.store import search_sql
from fieldapp.store.engine import open_url
from tests.conftest import ON_BOTH_DATABASES

TODAY = date(2026, 11, 25)


def _settings(store):
    with store.engine.connect() as conn:
        return dict(conn.exec_driver_sql('SELECT "key", value FROM setting').all())


@ON_BOTH_DATABASES
def test_a_chinese_character_and_long_terms_are_found(store):
    office_demo.fill(store, 40, seed=2026, today=TODAY)
    portfolio = Portfolio(store, lambda: TODAY)
    found = portfolio.search("永")  # the demo's first Taiwanese customer trades as 永豐
    assert found.rows and all("永" in row.name for row in found.rows[:1])
    first = found.rows[0]
    assert [r.id for r in portfolio.search(first.name).rows][:1] == [first.id]
    assert portfolio.search(first.code.lower()).rows[0].id == first.id
    assert portfolio.search("0903 966").rows  # the first customer owner's mobile


@ON_BOTH_DATABASES
def test_like_wildcards_typed_in_a_query_are_plain_characters(store):
    office_demo.fill(store, 30, seed=2026, today=TODAY)
    portfolio = Portfolio(store, lambda: TODAY)
    for query in ("%", "_", "a%b", "%%%", "\\"):
        assert portfolio.search(query).rows == (), query
    assert portfolio.search("").total == 30


def test_postgresql_search_is_served_by_the_trigram_indexes(pg_url):
    store = open_url(pg_url)
    try:
        office_demo.fill(store, 60, seed=2026, today=TODAY)
        with store.engine.connect() as conn:
            indexes = {r[0] for r in conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'customer_search'")}
            assert {"ix_customer_search_doc_trgm", "ix_customer_search_name_trgm",
                    "ix_customer_search_people_trgm",
                    "ix_customer_search_phones_trgm"} <= indexes
            # Sixty rows would be scanned anyway: forbid the scan to see the index can serve
            # the very statements search runs (strpos() could not use it at all).
            conn.exec_driver_sql("SET enable_seqscan = off")
            # (A page in id order may rather walk the primary key and stop after fifty.)
            for stmt in (search_sql.count_sql("nguyen", "postgresql"),
                         search_sql.ranked_sql("thanh", (0, 1, 2, 4), None, 50, "postgresql")):
                plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + stmt.sql),
                                                            stmt.params))
                assert "_trgm" in plan, plan
    finally:
        store.close()


@ON_BOTH_DATABASES
def test_opening_the_office_writes_no_settings_and_the_laptop_makes_its_device_id(store,
                                                                                   tmp_path):
    before = _settings(store)
    services = office_app.build(store, TODAY, "thu")
    assert services.settings.zone() is not None and services.settings.get(cfg.UI_LANGUAGE) == ""
    services.customers.search("")
    assert _settings(store) == before and cfg.DEVICE_ID.key not in before
    laptop = app_services.build(store, TODAY, home=tmp_path)
    made = _settings(store)[cfg.DEVICE_ID.key]
    assert made and laptop.settings.device_id() == made  # made once, then kept
    app_services.build(store, TODAY, home=tmp_path)
    assert _settings(store)[cfg.DEVICE_ID.key] == made


def _code(call) -> FieldappError:
    with pytest.raises(FieldappError) as raised:
        call()
    return raised.value


def test_an_unreachable_server_is_said_without_the_password(pg_server):
    import socket
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error = _code(lambda: open_url(f"postgresql+psycopg://office:Secret-77@127.0.0.1:{port}/x"))
    assert error.code == "db.pg_unreachable" and error.params["server"] == f"127.0.0.1:{port}"
    assert "Secret-77" not in str(error) and "Secret-77" not in repr(error.params)
    assert error.__cause__ is None and error.__suppress_context__


def test_a_missing_database_and_a_malformed_url_are_said(pg_server):
    url = pg_server.url("no_such_office").replace("postgres@", "postgres:Secret-77@")
    error = _code(lambda: open_url(url))
    assert error.code == "db.pg_no_database" and error.params["database"] == "no_such_office"
    assert "Secret-77" not in str(error)
    bad = _code(lambda: open_url("postgresql+nodriver://u:Secret-77@host/db"))
    assert bad.code == "db.bad_url" and "Secret-77" not in str(bad) and "***" in str(bad)


@pytest.fixture
def password_role(pg_server):
    """A role that must log in with a password (the test server trusts everyone else)."""
    hba = pg_server.folder / "data" / "pg_hba.conf"
    original = hba.read_text()
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    hba.write_text("host all office_pw 127.0.0.1/32 scram-sha-256\n" + original)
    with admin.connect() as conn:
        conn.execute(text("CREATE ROLE office_pw LOGIN PASSWORD 'Right-Secret-1'"))
        conn.execute(text("SELECT pg_reload_conf()"))
    yield f"127.0.0.1:{pg_server.port}"
    hba.write_text(original)
    with admin.connect() as conn:
        conn.execute(text("DROP ROLE office_pw"))
        conn.execute(text("SELECT pg_reload_conf()"))
    admin.dispose()


def test_a_wrong_password_is_said_without_either_password(password_role):
    url = f"postgresql+psycopg://office_pw:Wrong-Secret-2@{password_role}/postgres"
    error = _code(lambda: open_url(url))
    assert error.code == "db.pg_login_refused" and error.params["user"] == "office_pw"
    assert "Wrong-Secret-2" not in str(error) and "Right-Secret-1" not in str(error)


@pytest.fixture
def unprivileged(pg_server):
    """A fresh database where role office_plain owns a schema but may not create extensions."""
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE ROLE office_plain LOGIN"))
        conn.execute(text("CREATE DATABASE office_plain_db"))
    owner = create_engine(pg_server.url("office_plain_db"), isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text("CREATE SCHEMA office AUTHORIZATION office_plain"))
    yield (pg_server.url("office_plain_db").replace("postgres@", "office_plain@")
           + "?options=-csearch_path%3Doffice"), owner
    owner.dispose()
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = 'office_plain_db'"))
        conn.execute(text("DROP DATABASE office_plain_db"))
        conn.execute(text("DROP ROLE office_plain"))
    admin.dispose()


def test_without_pg_trgm_and_the_right_to_install_it_opening_says_so(unprivileged):
    url, owner = unprivileged
    error = _code(lambda: open_url(url))
    assert error.code == "db.pg_trgm_missing" and "CREATE EXTENSION pg_trgm" in str(error)
    with owner.connect() as conn:  # what the README asks the database owner to do, once
        conn.execute(text("CREATE EXTENSION pg_trgm SCHEMA public"))
    store = open_url(url)
    try:
        office_demo.fill(store, 10, seed=2026, today=TODAY)
        assert Portfolio(store, lambda: TODAY).search("công ty").rows
    finally:
        store.close()
