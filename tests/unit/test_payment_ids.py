"""Payment ids survive a second writer and a merge: UUID text, never max(id)+1."""

from datetime import date

from sqlalchemy import text

from fieldapp.domain import ids
from fieldapp.store import bulk, visit_repo
from fieldapp.store.engine import open_url
from tests.conftest import ON_BOTH_DATABASES, PortfolioBuilder


def _portfolio(store):
    builder = PortfolioBuilder(store)
    cid = builder.customer("Công ty TNHH Đặng Hưng")
    builder.invoice(cid, "HD-1", date(2026, 8, 1), 20_000_000)
    builder.save()
    return cid


def _pay(store, cid, minor):
    with store.sessions.begin() as session:
        visit_repo.record_payment(session, cid, None, date(2026, 11, 22), minor, "VND", "cash",
                                  "", [(1, minor)])


@ON_BOTH_DATABASES
def test_laptop_payments_and_accounting_payments_do_not_collide(store):
    cid = _portfolio(store)
    _pay(store, cid, 1_000_000)
    # The accounting export arrives later with its own payment number 1 (and 2).
    bulk.write_rows(store, {"payment": [
        dict(id=ids.legacy_payment_id(n), customer_id=cid, paid_on=date(2026, 11, 20),
             amount_minor=500_000, currency="VND", method="transfer", reference=f"UNC {n}")
        for n in (1, 2)]})
    _pay(store, cid, 2_000_000)
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, amount_minor FROM payment")).all()
        allocated = conn.execute(text("SELECT SUM(amount_minor) FROM allocation")).scalar()
        open_minor = conn.execute(text("SELECT open_minor FROM invoice")).scalar()
    assert len({r[0] for r in rows}) == 4 and all(len(r[0]) == 36 for r in rows)
    assert allocated == 3_000_000 and open_minor == 17_000_000


def test_two_supervisors_write_payments_at_the_same_time_on_postgresql(pg_url):
    first, second = open_url(pg_url), open_url(pg_url)
    try:
        cid = _portfolio(first)
        # Both transactions are open before either commits: max(id)+1 gave both the same id.
        a, b = first.sessions(), second.sessions()
        with a.begin(), b.begin():
            # With colliding ids the second insert would wait for the first: fail, not hang.
            b.execute(text("SET LOCAL lock_timeout = '3s'"))
            visit_repo.record_payment(a, cid, None, date(2026, 11, 22), 100, "VND", "cash", "", [])
            visit_repo.record_payment(b, cid, None, date(2026, 11, 22), 200, "VND", "cash", "", [])
            a.flush(), b.flush()
        with first.engine.connect() as conn:
            assert sorted(r[0] for r in conn.execute(text("SELECT amount_minor FROM payment"))) == [
                100, 200]
    finally:
        first.close()
        second.close()


def test_legacy_ids_map_the_same_on_every_copy_and_keep_writers_apart():
    assert ids.legacy_payment_id(7) == ids.legacy_payment_id(7)
    laptop = ids.legacy_payment_id(7, "0b1c2d3e-0000-4000-8000-00000000000a")
    assert laptop != ids.legacy_payment_id(7)
    assert ids.new_id() != ids.new_id()
