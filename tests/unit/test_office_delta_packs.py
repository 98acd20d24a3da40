"""Delta assignment packs on both office engines: a delta on the confirmed pack leaves a laptop
exactly as a full pack of the same version would; the office sends a full pack when nothing
is confirmed, when asked, when the confirmed pack's part hashes are gone, or when the laptop
reported another pack or customer set (drift); a laptop refuses a delta on another base."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import text

from fieldapp.services.office import demo
from fieldapp.services.office import packs as packs_module
from fieldapp.services.office.enrollment import Enrollment
from fieldapp.services.office.packs import ASKED, DRIFT, FIRST, GONE, PENDING, Packs
from fieldapp.store import pack_apply, pack_parts
from fieldapp.store.engine import open_store
from fieldapp.sync import bundle, office_keys
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.pack import MEMBER, check, parse
from fieldapp.sync.pack_delta import customer_set_hash
from tests.conftest import ON_BOTH_DATABASES

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 3, 0, tzinfo=timezone.utc)
PASS = "a passphrase of the test"
AT = "2026-11-28T00:00:00+00:00"
# What a laptop holds from the office, keyed by codes and numbers (ids are each database's own).
DUMP = {
    "customer": "SELECT * FROM customer",
    "contact": "SELECT c.code, t.* FROM contact t JOIN customer c ON c.id = t.customer_id",
    "contract": "SELECT c.code, t.* FROM contract t JOIN customer c ON c.id = t.customer_id",
    "invoice": "SELECT c.code, k.number AS contract_number, t.* FROM invoice t JOIN customer c "
               "ON c.id = t.customer_id LEFT JOIN contract k ON k.id = t.contract_id",
    "delivery": "SELECT c.code, i.number AS invoice_number, t.* FROM delivery t JOIN customer c "
                "ON c.id = t.customer_id LEFT JOIN invoice i ON i.id = t.invoice_id",
    "payment": "SELECT c.code, t.* FROM payment t JOIN customer c ON c.id = t.customer_id",
    "allocation": "SELECT i.number AS invoice_number, t.* FROM allocation t JOIN invoice i ON "
                  "i.id = t.invoice_id",
    "route_stop": "SELECT c.code, t.* FROM route_stop t JOIN customer c ON c.id = t.customer_id",
}
_LOCAL_IDS = {"id", "customer_id", "contract_id", "invoice_id"}


class Office:
    def __init__(self, store, tmp_path):
        self.store, self.keys = store, tmp_path / "keys"
        made = office_keys.create(self.keys, PASS, "ACME", datetime.now(timezone.utc))
        self.trust = bundle.Trust((made.ca_cert,), frozenset())
        demo.fill(store, 40, seed=11, today=TODAY)
        self.collector, self.collector_id = self.sql(
            "SELECT k.name, k.id FROM collector k JOIN customer c ON c.collector_id = k.id "
            "GROUP BY k.name, k.id ORDER BY COUNT(*) DESC, k.name")[0]
        with store.engine.begin() as conn:
            for device in ("d1", "d2"):
                conn.execute(text("INSERT INTO device (id, collector_id, certificate, "
                                  "enrolled_at) VALUES (:d, :k, '', :at)"),
                             {"d": device, "k": self.collector_id, "at": AT})
        self.packs = Packs(store, lambda: NOW, Enrollment(store, lambda: NOW))

    def sql(self, query: str, **params):
        with self.store.engine.begin() as conn:
            found = conn.execute(text(query), params)
            return [tuple(r) for r in found] if found.returns_rows else []

    def build(self, full=False) -> dict:
        return {w.device: w for w in self.packs.build(self.keys, PASS, self.collector, full=full)}

    def report(self, device: str, version: int, set_hash: str, seq: int) -> None:
        with self.store.sessions.begin() as session:
            pack_parts.report(session, device, version, set_hash, seq, AT)

    def pack(self, written):
        return parse(bundle.read(written.data, self.trust).members[MEMBER])


@pytest.fixture
def office(store, tmp_path):
    return Office(store, tmp_path)


def _apply(laptop_db, pack, held: int) -> None:
    """What `fieldapp sync receive` does after verifying: check, then apply in one go."""
    check(pack, pack.header["device"], held, NOW)
    laptop = open_store(laptop_db)
    try:
        with laptop.sessions.begin() as session:
            pack_apply.apply(session.connection(), pack.customers, pack.route_stops,
                             pack.outcomes, date.fromisoformat(pack.header["route_from"]),
                             None if pack.full else pack.removed)
    finally:
        laptop.close()


def _dump(laptop_db) -> dict:
    with sqlite3.connect(laptop_db) as con:
        con.row_factory = sqlite3.Row
        return {table: sorted(repr(sorted((k, r[k]) for k in r.keys() if k not in _LOCAL_IDS))
                              for r in con.execute(query))
                for table, query in DUMP.items()}


def _change_the_office(office: Office) -> tuple[str, str, str]:
    """An invoice paid down, a contact's new phone, a customer taken away, one assigned."""
    codes = [c for (c,) in office.sql("SELECT code FROM customer WHERE collector_id = :k "
                                      "ORDER BY code", k=office.collector_id)]
    changed, gone = codes[0], codes[1]
    office.sql("UPDATE invoice SET open_minor = open_minor - 1 WHERE customer_id = "
               "(SELECT id FROM customer WHERE code = :c)", c=changed)
    office.sql("UPDATE contact SET phone = '0909 000 111' WHERE customer_id = "
               "(SELECT id FROM customer WHERE code = :c)", c=codes[2])
    office.sql("UPDATE customer SET collector_id = NULL WHERE code = :c", c=gone)
    (new,) = office.sql("SELECT code FROM customer WHERE collector_id IS NULL OR collector_id "
                        "<> :k ORDER BY code LIMIT 1", k=office.collector_id)[0]
    office.sql("UPDATE customer SET collector_id = :k WHERE code = :c", k=office.collector_id,
               c=new)
    return changed, gone, new


@ON_BOTH_DATABASES
def test_a_delta_on_the_confirmed_pack_leaves_the_laptop_as_the_full_pack_would(office,
                                                                                 tmp_path):
    first = office.build()
    assert all(w.full and w.why_full == FIRST and w.version == 1 for w in first.values())
    one = tmp_path / "one.db"
    _apply(one, office.pack(first["d1"]), 0)
    assert office.packs.confirm("d1", 1) == 1  # only d1 said it applied version 1
    changed, gone, new = _change_the_office(office)

    second = office.build()
    delta, full = second["d1"], second["d2"]
    assert (delta.full, delta.base, delta.version) == (False, 1, 2)
    assert (full.full, full.why_full, full.version) == (True, FIRST, 2)
    pack = office.pack(delta)
    sent = {c["code"] for c in pack.customers}
    assert changed in sent and new in sent and gone not in sent and pack.removed == [gone]
    assert len(sent) < len(office.pack(full).customers)  # the unchanged ones stay home
    assert {o["customer"] for o in pack.outcomes} <= sent

    _apply(one, pack, 1)
    two = tmp_path / "two.db"
    _apply(two, office.pack(full), 0)
    held, fresh = _dump(one), _dump(two)
    assert held == fresh
    assert {t for t, rows in held.items() if not rows} == set(), "every kind of row travelled"
    assert len(held["customer"]) == len(office.sql(
        "SELECT id FROM customer WHERE collector_id = :k", k=office.collector_id))
    # The parts of packs older than the confirmed one are forgotten, the confirmed kept.
    assert {v for (v,) in office.sql("SELECT DISTINCT version FROM pack_customer WHERE "
                                     "device_id = 'd1'")} == {1, 2}


@ON_BOTH_DATABASES
def test_the_office_sends_a_full_pack_when_asked_on_drift_and_when_the_base_is_gone(office):
    office.build()
    office.packs.confirm("d1", 1)
    codes = [c for (c,) in office.sql("SELECT code FROM customer WHERE collector_id = :k",
                                      k=office.collector_id)]
    right = customer_set_hash(codes, 1)
    (expected,) = office.sql("SELECT set_hash FROM pack_out WHERE device_id = 'd1' AND "
                             "version = 1")[0]
    assert expected == right
    office.report("d1", 1, right, 1)  # the laptop holds what was sent: a delta
    assert not office.build()["d1"].full
    office.report("d1", 1, customer_set_hash(codes[1:], 1), 2)  # it lost a customer
    assert office.build()["d1"].why_full == DRIFT
    office.report("d1", 0, customer_set_hash([], 0), 3)  # restored from an old backup
    assert office.build()["d1"].why_full == DRIFT
    office.report("d1", 1, right, 4)
    assert office.build(full=True)["d1"].why_full == ASKED
    # That pack went out and is not confirmed: the laptop may hold it or not, so full again.
    assert office.build()["d1"].why_full == PENDING
    office.sql("DELETE FROM pack_customer WHERE device_id = 'd1' AND version = 1")
    written = office.build()["d1"]
    assert written.why_full == GONE and office.pack(written).full


@ON_BOTH_DATABASES
def test_a_laptop_that_confirms_nothing_for_too_long_gets_a_full_pack(office, monkeypatch):
    monkeypatch.setattr(packs_module, "KEEP_PARTS", 2)
    office.build()
    office.packs.confirm("d1", 1)
    # Version 2 is a delta on 1; version 3 is full, for version 2 is not confirmed yet.
    assert [office.build()["d1"].why_full for _ in range(2)] == ["", PENDING]
    written = office.build()["d1"]  # version 4: the parts of 1 are no longer kept
    assert (written.version, written.why_full) == (4, GONE)
    assert {v for (v,) in office.sql("SELECT DISTINCT version FROM pack_customer WHERE "
                                     "device_id = 'd1'")} == {2, 3, 4}


def test_a_laptop_refuses_a_delta_on_another_base_and_changes_nothing(tmp_path):
    store = open_store(tmp_path / "office.db")
    try:
        office = Office(store, tmp_path)
        laptop = tmp_path / "laptop.db"
        _apply(laptop, office.pack(office.build()["d1"]), 0)
        office.packs.confirm("d1", 1)
        _change_the_office(office)
        delta = office.pack(office.build()["d1"])  # version 2: the changes since 1
        assert (delta.full, delta.base, delta.version) == (False, 1, 2)
        # A laptop reset since (it holds no pack) cannot take the changes since version 1.
        reset = tmp_path / "reset.db"
        open_store(reset).close()
        before = _dump(reset)
        with pytest.raises(BundleRefused) as refused:
            _apply(reset, delta, 0)
        assert refused.value.code == "sync.pack_wrong_base"
        assert refused.value.params == {"version": 2, "base": 1, "applied": 0}
        assert _dump(reset) == before
        _apply(laptop, delta, 1)  # the laptop that holds version 1 takes it
    finally:
        store.close()
