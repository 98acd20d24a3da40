"""The sync simulation: one office and five laptops over ten days through the real services.
Packs go out, collectors visit customers with every kind of outcome, day bundles go in by a
courier that loses one, doubles one and holds one back past the next ones, an ack goes
missing; a customer changes collector mid-week; one laptop is revoked. At the end the office
holds every record the laptops made exactly once (the revoked laptop's later ones not at all),
every outbox is empty, and quarantine holds exactly the revoked laptop's later bundles."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta


from tests.integration.sim_kit import Courier, SimLaptop, SimOffice, pick
from tests.integration.sync_kit import KINDS, laptop_records, office_records

SEED = 11
START = date(2026, 11, 30)  # a Monday
EVERY_OUTCOME = {"promise", "installment_plan", "dispute", "money_received", "refusal", "absent"}


@dataclass
class Run:
    """What the simulation saw on the way, for the checks at the end."""

    statuses: Counter = field(default_factory=Counter)
    moved: str = ""  # the code of the customer reassigned
    kept_by_old: tuple = ()
    revoked_at_records: dict = field(default_factory=dict)
    revoked_after_seq: int = 0


def _laptops(office: SimOffice, tmp_path, count: int) -> list[SimLaptop]:
    """A laptop for each of the ``count`` busiest collectors; the demo's collectors abroad have
    a handful of customers, so the last one gets every other customer of the busiest first."""
    names = office.collectors()[:count]
    office.reassign(sorted(office.assigned(names[0]))[::2], names[-1])
    return [SimLaptop(tmp_path / f"laptop{n}", name, office) for n, name in enumerate(names)]


def _set_day(office, laptops, day: date) -> None:
    office.day = day
    for laptop in laptops:
        laptop.day = day


def _pack(office, laptops, *which) -> dict:
    """Packs for the laptops named; what each laptop's receipt said."""
    out = {}
    for n in which:
        packs = office.packs(laptops[n].collector)
        out[n] = laptops[n].receive(packs[laptops[n].device])
    return out


def _deliver(office, laptops, courier, day: int, run: Run, lost_acks=()) -> None:
    """Every laptop sends; the courier brings what it brings; the office imports and answers."""
    carried = []
    for n, laptop in enumerate(laptops):
        carried += courier.carry(f"L{n}", laptop.send(), day)
    carried += courier.released(day)
    if not carried:
        return
    reports, acks = office.import_bundles(carried)
    run.statuses.update((r.status, r.reason) for r in reports)
    for n, laptop in enumerate(laptops):
        if laptop.device in acks and (day, n) not in lost_acks:
            laptop.take_ack(acks[laptop.device])


def _visits(office, laptop, rng, count: int, extra=()) -> list[str]:
    mine = laptop.fresh_customers() & office.assigned(laptop.collector)
    return list(extra) + pick(rng, mine - set(extra), count)


def simulate(tmp_path, db, *, laptops: int, days: int, customers: int, per_day: int) -> tuple:
    """Run the story; (office, laptops, run)."""
    rng = random.Random(SEED)
    office = SimOffice(tmp_path / "office", db, START, customers, SEED)
    team = _laptops(office, tmp_path, laptops)
    run = Run()
    old, new, revoked = 0, 1, laptops - 1
    # L1's bundle 2 is lost once (sent again the next day, unacked); L2's bundle 3 arrives
    # twice; L3's bundle 2 and L0's bundle 3 (the moved customer's visit) come days late.
    courier = Courier(lose={("L1", 2)}, double={("L2", 3)},
                      hold={("L3", 2): 4, ("L0", 3): min(5, days - 1)})
    _pack(office, team, *range(laptops))
    for d in range(days):
        _set_day(office, team, START + timedelta(days=d))
        if d == 3:  # mid-week: the customer L0 visited yesterday goes to L1's collector
            office.reassign([run.moved], team[new].collector)
            got = _pack(office, team, old, new)
            run.kept_by_old = got[old].kept
        if d == min(6, days - 2):  # the laptop is stolen: revoked before its day's work
            office.revoke(team[revoked].device)
            run.revoked_at_records = laptop_records(team[revoked].home)
            run.revoked_after_seq = team[revoked].sync._outbox().state().last_seq
        if d == min(7, days - 1):  # the revocation list travels with the next packs
            _pack(office, team, *range(revoked))
        for n, laptop in enumerate(team):
            extra = ()
            if d == 2 and n == old:
                run.moved = _visits(office, laptop, rng, 1)[0]
                extra = (run.moved,)
            if d == 4 and n == new:
                extra = (run.moved,)
            laptop.work(_visits(office, laptop, rng, per_day - len(extra), extra), SEED,
                        first=d * per_day + n)
        _deliver(office, team, courier, d, run, lost_acks={(5, 2)})
    _deliver(office, team, courier, days, run)  # the last evening: what is still waiting
    return office, team, run


def _check(office, team, run) -> None:
    revoked = team[-1]
    expected = {k: set() for k in KINDS}
    for laptop in team[:-1]:
        for kind, ids in laptop_records(laptop.home).items():
            expected[kind] |= ids
    for kind, ids in run.revoked_at_records.items():
        expected[kind] |= ids
    later = {k: ids - run.revoked_at_records[k]
             for k, ids in laptop_records(revoked.home).items()}
    held = office_records(office.store)
    for kind in KINDS:
        counted = Counter(held[kind])
        assert not [i for i, c in counted.items() if c > 1], kind
        assert expected[kind] <= set(held[kind]), kind
        assert not later[kind] & set(held[kind]), kind
    mine = set().union(*expected.values(), *later.values())
    assert {i for ids in held.values() for i in ids if i in mine} == set().union(
        *expected.values())
    assert later["visit"] and later["document"]
    print("simulation:", {k: len(v) for k, v in expected.items()}, dict(run.statuses))

    # Each record names the same customer and invoice at the office as on its laptop (their
    # integer ids differ: each database has its own).
    office_view = _where(office.store.engine.connect)
    for laptop in team:
        mine = _where(laptop.store.engine.connect)
        assert mine and all(office_view[k] == v for k, v in mine.items()
                            if k in office_view), laptop.collector

    kinds = {r[0] for r in office.rows("SELECT DISTINCT kind FROM outcome")}
    assert EVERY_OUTCOME <= kinds, kinds
    assert {r[0] for r in office.rows("SELECT DISTINCT kind FROM visit")} == {"visit", "call"}

    for laptop in team[:-1]:
        assert laptop.waiting() == (), laptop.collector
    after = tuple(range(run.revoked_after_seq + 1,
                        revoked.sync._outbox().state().last_seq + 1))
    assert after and revoked.waiting() == after
    rows = office.received()
    assert sorted((r.device, r.seq, r.reason) for r in rows if r.status == "quarantined") == [
        (revoked.device, seq, "sync.revoked") for seq in after]
    assert not [r for r in rows if r.status == "held"]
    imported = {(r.device, r.seq) for r in rows if r.status == "imported"}
    assert (revoked.device, run.revoked_after_seq) in imported

    for status in (("held", "sync.gap"), ("duplicate", ""), ("quarantined", "sync.revoked")):
        assert run.statuses[status], status
    # The moved customer: now with the new collector's laptop, kept by the old one for the
    # visit recorded there, and both visits at the office.
    assert run.moved in run.kept_by_old
    assert run.moved in office.assigned(team[1].collector)
    visits = {r[0] for r in office.rows(
        "SELECT v.uuid FROM visit v JOIN customer c ON c.id = v.customer_id "
        "WHERE c.code = :code", code=run.moved)}
    for laptop in team[:2]:
        with laptop.store.engine.connect() as conn:
            theirs = {r[0] for r in conn.exec_driver_sql(
                "SELECT v.uuid FROM visit v JOIN customer c ON c.id = v.customer_id "
                "WHERE c.code = ? AND v.status = 'final'", (run.moved,))}
        assert theirs and theirs <= visits


_WHERE = ("SELECT v.uuid, c.code, '' FROM visit v JOIN customer c ON c.id = v.customer_id",
          "SELECT o.uuid, c.code, '' FROM outcome o JOIN customer c ON c.id = o.customer_id",
          "SELECT d.id, c.code, '' FROM document d JOIN customer c ON c.id = d.customer_id",
          "SELECT a.id, c.code, i.number FROM allocation a JOIN invoice i ON i.id = a.invoice_id"
          " JOIN customer c ON c.id = i.customer_id")


def _where(connect) -> dict:
    """Record id -> (customer code, invoice number) of visits, outcomes, documents and
    allocations."""
    with connect() as conn:
        return {r[0]: (r[1], r[2]) for sql in _WHERE for r in conn.exec_driver_sql(sql)}


def _close(office, team) -> None:
    for laptop in team:
        laptop.close()
    office.store.close()


def test_five_laptops_over_ten_days_end_with_every_record_at_the_office_exactly_once(tmp_path):
    office, team, run = simulate(tmp_path, None, laptops=5, days=10, customers=500, per_day=2)
    try:
        _check(office, team, run)
    finally:
        _close(office, team)


def test_a_shorter_run_with_the_office_on_postgresql(tmp_path, pg_url):
    office, team, run = simulate(tmp_path, pg_url, laptops=3, days=6, customers=300, per_day=2)
    try:
        _check(office, team, run)
    finally:
        _close(office, team)
