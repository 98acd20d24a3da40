"""Shared fixtures: offscreen Qt, throwaway stores and a small hand-made portfolio."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Command lines and windows started by tests open laptop profiles encrypted under this (the
# automation variable); tests read them back through tests/laptop_db.py.
os.environ.setdefault("FIELDAPP_PASSPHRASE", "test passphrase 1234")

from datetime import date  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

import pytest  # noqa: E402

from fieldapp.store import bulk, settings_repo  # noqa: E402
from fieldapp.store.engine import open_store, open_url  # noqa: E402
from tests.pg import pg_server, pg_url  # noqa: E402, F401 (fixtures)

TODAY = date(2026, 11, 22)
# Tests state times as Vietnamese wall-clock times; test stores are set to this zone, so a test
# means the same on a machine in Taipei, in UTC or anywhere else.
VN = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock:
    """A settable now() for services, so tests walk through days and deadlines (aware values)."""

    def __init__(self, value):
        self.value = value

    def __call__(self):
        return self.value


def set_zone(store, name="Asia/Ho_Chi_Minh"):
    with store.sessions.begin() as session:
        settings_repo.write(session, {"time.zone": name})


# A test (or, as pytestmark, a module) so marked runs with ``store`` on SQLite (the laptop) and
# on PostgreSQL (the office).
ON_BOTH_DATABASES = pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store(request, tmp_path):
    """A fresh SQLite profile database, or PostgreSQL under ON_BOTH_DATABASES."""
    if getattr(request, "param", "sqlite") == "postgresql":
        s = open_url(request.getfixturevalue("pg_url"))
    else:
        s = open_store(tmp_path / "fieldapp.db")
    set_zone(s)
    yield s
    s.close()


class PortfolioBuilder:
    """Builds customers with explicit ids so tests state exactly what exists."""

    def __init__(self, store):
        self.store = store
        self.chunk = {name: [] for name in bulk.ORDER}
        self._ids = {name: 0 for name in bulk.ORDER}

    def _next(self, table):
        self._ids[table] += 1
        return self._ids[table]

    def customer(self, name, *, code=None, tax_code="", phone="", currency="VND", language="vi",
                 contacts=(), **extra):
        cid = self._next("customer")
        self.chunk["customer"].append(dict(
            id=cid, code=code or f"KH{cid:06d}", name=name, tax_code=tax_code, phone=phone,
            address=extra.get("address", ""), district=extra.get("district", "Quận 1"),
            province=extra.get("province", "TP. Hồ Chí Minh"), country=extra.get("country", "VN"),
            business_status="active", business_notes="", financial_notes="", personality_notes="",
            cooperation_since=date(2020, 1, 1), credit_limit_minor=extra.get("credit", 0),
            currency=currency, language=language))
        for contact_name, contact_phone in contacts:
            self.chunk["contact"].append(dict(
                id=self._next("contact"), customer_id=cid, name=contact_name, role="Kế toán",
                phone=contact_phone, email="", authority_to_pay=True, notes=""))
        return cid

    def invoice(self, customer_id, number, due_on, amount, open_=None, currency="VND", issued_on=None):
        iid = self._next("invoice")
        self.chunk["invoice"].append(dict(
            id=iid, customer_id=customer_id, contract_id=None, number=number,
            issued_on=issued_on or due_on, due_on=due_on, amount_minor=amount,
            open_minor=amount if open_ is None else open_, currency=currency, disputed=False))
        return iid

    def route_stop(self, customer_id, seq, day=TODAY):
        self.chunk["route_stop"].append(dict(id=self._next("route_stop"), route_date=day, seq=seq,
                                             customer_id=customer_id, planned_time="08:30",
                                             purpose="Thu nợ"))

    def save(self):
        bulk.write_rows(self.store, self.chunk)
        bulk.rebuild_search(self.store)
        self.chunk = {name: [] for name in bulk.ORDER}


@pytest.fixture
def builder(store):
    return PortfolioBuilder(store)


@pytest.fixture(autouse=True)
def _forget_the_files_key():
    """A test that unlocked an encrypted laptop in-process leaves no files key to the next one
    (its plain fixtures write plain keys and logs)."""
    yield
    from fieldapp import sealed  # noqa: PLC0415
    sealed.use(None)
