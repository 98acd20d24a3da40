"""The demo office: the laptop's portfolio, six collectors, assignments logged as one batch,
this week's routes (overdue first); deterministic; refused on an office with customers."""

from datetime import date

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.services.office import demo as office_demo
from fieldapp.store.engine import open_store
from tests.conftest import ON_BOTH_DATABASES

TODAY = date(2026, 11, 25)  # a Wednesday: the week is 23–28 November
N = 120
pytestmark = ON_BOTH_DATABASES


def _rows(store, sql, **params):
    from sqlalchemy import text
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


@pytest.fixture
def filled(store):
    summary = office_demo.fill(store, N, seed=11, today=TODAY)
    return store, summary


def test_six_collectors_with_names_phones_and_languages_of_the_portfolio(filled):
    store, summary = filled
    rows = _rows(store, "SELECT name, phone, language FROM collector ORDER BY name")
    assert summary.collectors == len(rows) == 6
    assert sorted(lang for _, _, lang in rows) == ["vi", "vi", "vi", "vi", "zh_CN", "zh_TW"]
    assert all(phone and name for name, phone, _ in rows)
    # Each country's customers have a collector speaking its language.
    for country, language in (("VN", "vi"), ("TW", "zh_TW"), ("CN", "zh_CN")):
        spoken = _rows(store, "SELECT DISTINCT k.language FROM customer c JOIN collector k "
                              "ON k.id = c.collector_id WHERE c.country = :c", c=country)
        assert spoken == [(language,)], country


def test_customers_are_assigned_by_place_in_one_logged_batch(filled):
    store, summary = filled
    assert summary.assigned == N
    assert _rows(store, "SELECT COUNT(*) FROM customer WHERE collector_id IS NULL") == [(0,)]
    # A district is one collector's, and a Hanoi customer is never the Saigon collector's.
    split = _rows(store, "SELECT province, district FROM customer GROUP BY province, district "
                         "HAVING COUNT(DISTINCT collector_id) > 1")
    assert split == []
    log = _rows(store, "SELECT COUNT(*), COUNT(DISTINCT batch_id), MIN(actor), MAX(actor), "
                       "COUNT(from_collector), COUNT(undone_by) FROM assignment_log")
    assert log == [(N, 1, "demo", "demo", 0, 0)]
    mismatched = _rows(store, "SELECT COUNT(*) FROM assignment_log a JOIN customer c "
                              "ON c.id = a.customer_id WHERE a.to_collector <> c.collector_id")
    assert mismatched == [(0,)]


def test_routes_run_monday_to_saturday_with_the_collectors_own_customers(filled):
    store, summary = filled
    days = _rows(store, "SELECT DISTINCT route_date FROM route_stop ORDER BY route_date")
    assert [str(d[0]) for d in days] == [f"2026-11-{d}" for d in range(23, 29)]
    assert _rows(store, "SELECT COUNT(*) FROM route_stop WHERE collector_id IS NULL") == [(0,)]
    foreign = _rows(store, "SELECT COUNT(*) FROM route_stop r JOIN customer c ON "
                           "c.id = r.customer_id WHERE c.collector_id <> r.collector_id")
    assert foreign == [(0,)]
    per_day = _rows(store, "SELECT collector_id, route_date, COUNT(*), MIN(seq), MAX(seq), "
                           "MIN(planned_time) FROM route_stop GROUP BY collector_id, route_date")
    assert summary.route_stops == sum(r[2] for r in per_day)
    assert all(n <= 12 and lo == 1 and hi == n and first == "08:00"
               for _, _, n, lo, hi, first in per_day)
    assert all(p for (p,) in _rows(store, "SELECT purpose FROM route_stop"))
    # Once each a week: a customer is visited on one day.
    twice = _rows(store, "SELECT customer_id FROM route_stop GROUP BY customer_id "
                         "HAVING COUNT(*) > 1")
    assert twice == []


def test_overdue_customers_come_before_quiet_ones(filled):
    store, _ = filled
    overdue = "(SELECT COALESCE(SUM(i.open_minor), 0) FROM invoice i WHERE i.customer_id = c.id " \
              "AND i.open_minor > 0 AND i.due_on < :today)"
    for (collector,) in _rows(store, "SELECT id FROM collector"):
        left_out = _rows(store, f"SELECT COUNT(*) FROM customer c WHERE c.collector_id = :k "
                                f"AND {overdue} > 0 AND c.id NOT IN (SELECT customer_id FROM "
                                "route_stop)", k=collector, today=TODAY)
        quiet_on_route = _rows(store, f"SELECT COUNT(*) FROM customer c JOIN route_stop r ON "
                                      f"r.customer_id = c.id WHERE c.collector_id = :k AND "
                                      f"{overdue} = 0", k=collector, today=TODAY)
        assert left_out == [(0,)] or quiet_on_route == [(0,)]


def _dump(store):
    tables = {"customer": "code", "invoice": "number", "collector": "id",
              "assignment_log": "id", "route_stop": "id"}
    return {t: _rows(store, f"SELECT * FROM {t} ORDER BY {key}") for t, key in tables.items()}


def _plain(rows):
    """Values as text, booleans as 0/1 (SQLite's), so both engines' rows compare."""
    return [tuple(str(int(v) if isinstance(v, bool) else v) for v in r) for r in rows]


def test_the_same_seed_makes_the_same_office_as_a_sqlite_one(filled, tmp_path):
    store, _ = filled
    other = open_store(tmp_path / "again.db")
    try:
        office_demo.fill(other, N, seed=11, today=TODAY)
        mine, again = _dump(store), _dump(other)
        for table in mine:
            assert _plain(mine[table]) == _plain(again[table]), table
    finally:
        other.close()


def test_an_office_with_customers_is_refused_and_left_as_it_was(filled):
    store, _ = filled
    before = _dump(store)
    with pytest.raises(FieldappError) as raised:
        office_demo.fill(store, 5, seed=1, today=TODAY)
    assert raised.value.code == "demo.office_not_empty" and raised.value.params["count"] == N
    assert _dump(store) == before
    office_demo.clear(store)
    assert office_demo.held(store) == 0
    office_demo.fill(store, 5, seed=1, today=TODAY)
    assert office_demo.held(store) == 5
