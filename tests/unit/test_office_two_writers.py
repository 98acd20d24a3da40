"""Two supervisors at once: two store objects on one database (a SQLite file, a PostgreSQL
database) writing at the same time lose none of each other's work."""

import threading
import uuid
from datetime import date

import pytest
from sqlalchemy import text

from fieldapp.services import settings as cfg
from fieldapp.services.office import demo as office_demo
from fieldapp.store.engine import open_store, open_url
from fieldapp.store.office_demo import assign, write_collectors

TODAY = date(2026, 11, 25)
ROUNDS = 25


@pytest.fixture(params=["sqlite", "postgresql"])
def two_stores(request, tmp_path):
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        first, second = open_url(url), open_url(url)
    else:
        first, second = open_store(tmp_path / "office.db"), open_store(tmp_path / "office.db")
    office_demo.fill(first, 60, seed=5, today=TODAY)
    yield first, second
    first.close()
    second.close()


def _together(*jobs):
    """Run the jobs in threads started at the same moment; re-raise the first failure."""
    start, failures = threading.Barrier(len(jobs)), []

    def run(job):
        try:
            start.wait()
            job()
        except BaseException as exc:  # noqa: BLE001 (handed to the test thread)
            failures.append(exc)
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if failures:
        raise failures[0]


def _supervisor(store, who: str, customers: list[int]):
    """Adds a collector and hands it some customers, round after round, each in one
    transaction with its log lines, as assigning does."""
    def work():
        for n in range(ROUNDS):
            collector = str(uuid.uuid4())
            batch = str(uuid.uuid4())
            with store.sessions.begin() as session:
                conn = session.connection()
                write_collectors(conn, [{"id": collector, "name": f"{who} {n}", "phone": "",
                                         "language": "vi", "active": True,
                                         "created_at": "2026-11-25T01:00:00+00:00"}])
                assign(conn, [{"id": c, "collector": collector, "territory": who}
                              for c in customers],
                       [{"id": str(uuid.uuid4()), "batch_id": batch,
                         "at": "2026-11-25T01:00:00+00:00", "actor": who, "customer_id": c,
                         "from_collector": None, "to_collector": collector, "undone_by": None}
                        for c in customers])
    return work


def _rows(store, sql, **params):
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def test_two_supervisors_assigning_at_once_keep_every_change(two_stores):
    first, second = two_stores
    _together(_supervisor(first, "An", list(range(1, 31))),
              _supervisor(second, "Bình", list(range(31, 61))))
    for who, low, high in (("An", 1, 30), ("Bình", 31, 60)):
        made = _rows(first, "SELECT COUNT(*) FROM collector WHERE name LIKE :w", w=f"{who} %")
        logged = _rows(second, "SELECT COUNT(*), COUNT(DISTINCT batch_id) FROM assignment_log "
                               "WHERE actor = :w", w=who)
        assert made == [(ROUNDS,)] and logged == [(ROUNDS * 30, ROUNDS)]
        last = _rows(first, "SELECT DISTINCT k.name FROM customer c JOIN collector k ON "
                            "k.id = c.collector_id WHERE c.id BETWEEN :lo AND :hi",
                     lo=low, hi=high)
        assert last == [(f"{who} {ROUNDS - 1}",)]


def test_settings_and_assignments_written_at_once_are_all_kept(two_stores):
    first, second = two_stores
    settings_a, settings_b = cfg.Settings(first), cfg.Settings(second)

    def languages(settings, value):
        def work():
            for _ in range(ROUNDS):  # the same new key from both sides: an insert race
                settings.set(cfg.UI_LANGUAGE, value)
                settings.set(cfg.TIME_ZONE, "Asia/Taipei" if value == "zh_TW" else "+07:00")
        return work
    _together(languages(settings_a, "zh_TW"), languages(settings_b, "vi"),
              _supervisor(first, "Chi", list(range(1, 61))))
    assert settings_a.get(cfg.UI_LANGUAGE) in ("zh_TW", "vi")
    assert settings_b.stored(cfg.TIME_ZONE) in ("Asia/Taipei", "+07:00")
    assert _rows(second, "SELECT COUNT(*) FROM assignment_log WHERE actor = 'Chi'") == \
        [(ROUNDS * 60,)]
    assert _rows(second, "SELECT COUNT(*) FROM setting WHERE \"key\" = 'device.id'") == [(0,)]


def test_two_writers_adding_the_same_new_settings_both_succeed(two_stores):
    from fieldapp.store import settings_repo

    def writer(store, value):
        def work():
            for n in range(200):  # each key is new to both: both find it missing
                with store.sessions.begin() as session:
                    settings_repo.write(session, {f"office.test.{n}": value})
        return work
    _together(writer(two_stores[0], "a"), writer(two_stores[1], "b"))
    kept = _rows(two_stores[0], "SELECT value FROM setting WHERE \"key\" LIKE 'office.test.%'")
    assert len(kept) == 200 and {v for (v,) in kept} <= {"a", "b"}
