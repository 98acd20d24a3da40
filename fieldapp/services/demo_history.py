"""Past visits and calls for the demo, made through the real visit services."""

from __future__ import annotations

import hashlib
import math
import random
import struct
import uuid as uuidlib
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from ..domain.installments import Frequency, build_schedule
from ..domain.money import Money
from ..domain.records import Allocation
from ..domain.visit import (Absence, Dispute, DisputeReason, InstallmentPlan, MoneyReceived,
                            NextStep, Promise, Refusal, Signature, VisitKind)
from ..store import visit_repo
from . import settings as cfg
from .documents import DeviceKeys, Documents
from .demo_texts import text
from .portfolio import Portfolio
from ..i18n.summary import default_clause
from .visits import Visits

# Each scenario is one past encounter and what followed it, as (kind, days ago).
SCENARIOS = (("promise_kept", 20), ("promise_broken", 12), ("promise_partial", 15),
             ("promise_due_today", 6), ("plan_running", 40), ("dispute_near", 0),
             ("dispute_late", 2), ("refusal", 9), ("absent_revisit", 3), ("money", 5),
             ("call_promise", 4), ("promise_reminder", 1))
FOREIGN_SCENARIOS = (("money", 5), ("dispute_late", 2), ("refusal", 9), ("absent_revisit", 3))


@dataclass(frozen=True)
class HistorySummary:
    visits: int
    calls: int


class _Clock:
    """Local wall-clock times of the story (9:15 on a working day), in the user's zone."""

    def __init__(self, value: datetime, zone: tzinfo):
        self.value, self.zone = value, zone

    def __call__(self) -> datetime:
        return self.value.replace(tzinfo=self.zone)


def _signature(rng: random.Random, name: str, title: str) -> Signature:
    """A plausible handwritten flourish: two wavy strokes."""
    strokes = []
    for k in range(2):
        phase, amp = rng.uniform(0, 3), rng.uniform(12, 22)
        strokes.append(tuple((20 + x * 6.0 + k * 40, 70 + amp * math.sin(phase + x / 3) + k * 10)
                             for x in range(40)))
    return Signature(name, title, tuple(strokes), 400, 150)


def history_size(customers: int) -> int:
    """How many customers get a past visit: a tenth, at least each scenario twice, at most 150
    (each one is also signed documents: more would only slow the generation down)."""
    return max(2 * len(SCENARIOS), min(customers // 10, 150))


def generate_history(store, today: date, customers: int = 24, seed: int = 2026,
                     keys: DeviceKeys | None = None) -> HistorySummary:
    """Give up to ``customers`` customers with open invoices a past visit or call each; with
    device ``keys``, each also gets its signed documents, as finalizing makes them."""
    rng = random.Random(seed)
    settings = cfg.Settings(store)
    if not settings.get(cfg.COLLECTOR_NAME):
        settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    clock = _Clock(datetime.combine(today, time(9)), settings.zone())
    documents = Documents(store, settings, keys, clock) if keys else None
    visits = Visits(store, settings, clock, documents)
    portfolio = Portfolio(store, lambda: clock.value.date())
    made = {"visit": 0, "call": 0}
    local, foreign = _candidates(store, customers)
    for customer_id in local:
        if made["visit"] + made["call"] == customers:
            break
        scenario = SCENARIOS[(made["visit"] + made["call"]) % len(SCENARIOS)]
        _count(made, _at(clock, today, rng, scenario, lambda s: _one(
            store, visits, portfolio, customer_id, s, rng, today)))
    # Taiwanese and mainland customers too, so the demo has records in Chinese; with stories
    # that later payments cannot overturn.
    for n, customer_id in enumerate(foreign):
        scenario = FOREIGN_SCENARIOS[n % len(FOREIGN_SCENARIOS)]
        _count(made, _at(clock, today, rng, scenario, lambda s: _one(
            store, visits, portfolio, customer_id, s, rng, today)))
    return HistorySummary(made["visit"], made["call"])


def _count(made: dict, kind: str | None) -> None:
    if kind:
        made[kind] += 1


def _at(clock: _Clock, today: date, rng: random.Random, scenario: tuple, run):
    """Set the clock to the scenario's day and time, then run it."""
    name, days_ago = scenario
    clock.value = datetime.combine(today - timedelta(days=days_ago), time(9, 15)) + timedelta(
        minutes=rng.randint(0, 300))
    if name == "dispute_near":  # deadline today 14:00: close during the working morning
        clock.value = datetime.combine(today - timedelta(days=1), time(14))
    if name == "dispute_late":
        clock.value = datetime.combine(today, time(8)) - timedelta(hours=30)
    return run(name)


def _candidates(store, count: int) -> tuple[list[int], list[int]]:
    """Vietnamese customers with open invoices, and a few Taiwanese and mainland ones."""
    with store.sessions() as session:
        rows = visit_repo.customers_with_open_invoices(session, count * 4)
        anyone = visit_repo.customers_with_open_invoices(session, 10**9, at_least=1)
    local = [a.customer_id for a in rows if a.currency == "VND"]
    foreign: dict[str, list[int]] = {}
    for a in anyone:
        if a.currency != "VND" and len(foreign.setdefault(a.currency, [])) < 2:
            foreign[a.currency].append(a.customer_id)
    return local, sorted(cid for cids in foreign.values() for cid in cids)


def _answers(file, rng: random.Random, call: bool) -> dict:
    lang = file.customer.language.value
    contact = next((c for c in file.contacts if c.authority_to_pay), file.contacts[0]) if file.contacts else None
    answers = {"balances_reviewed": True, "purpose_stated": True,
               "met_contact": contact.name if contact else text(lang, "owner"),
               "met_role": contact.role if contact else "",
               "authority_to_pay": bool(contact and contact.authority_to_pay),
               "position_reason": rng.choice(["cash_flow", "awaiting_approval", "cash_flow", "quality"]),
               "position_notes": text(lang, "notes"),
               "reminder_days": 1}
    if not call:
        answers.update({"objective": text(lang, "objective"),
                        "materials": ["contract", "invoices", "delivery_notes", "statement"],
                        "deliveries_match": "yes"})
    return answers


def _one(store, visits: Visits, portfolio: Portfolio, cid: int, scenario: str,
         rng: random.Random, today: date, settle: bool = True) -> str | None:
    """One past encounter; None when the customer had nothing open on that day yet.
    ``settle`` adds the later ledger payments the story needs (not on a day being lived)."""
    file = portfolio.open_customer(cid)
    now = visits.now()
    # Only what had been invoiced by the day of the visit can have been discussed then.
    open_invoices = [i for i in file.open_invoices if not i.disputed and i.issued_on <= now.date()]
    if not open_invoices or (scenario in _JUDGED and _paid_since(file, now.date())):
        return None
    lang = file.customer.language.value
    call = scenario == "call_promise"
    visit = visits.start(cid, VisitKind.CALL if call else VisitKind.VISIT)
    person = _answers(file, rng, call)
    outcomes = _outcomes(scenario, open_invoices, now, today, person["met_contact"], lang)
    if scenario == "absent_revisit":  # nobody met: a photo of the closed door, no customer ink
        person = {k: v for k, v in person.items() if k in _ABSENT_KEEPS} | {"customer_absent": True}
        photo = _closed_door_photo(store, visit.uuid)
        outcomes = tuple(replace(o, photos=(photo,)) for o in outcomes)
    visit = replace(visit, answers=person, outcomes=outcomes)
    if not call:
        role = person.get("met_role") or text(lang, "representative")
        customer = None if scenario == "absent_revisit" else \
            _signature(rng, person["met_contact"], role)
        visit = replace(visit, customer_signature=customer,
                        collector_signature=_signature(rng, visit.collector, text(lang, "collector_title")))
    visits.finalize(visit)
    if settle:
        _settle(store, scenario, cid, open_invoices, outcomes, now.date(), today)
    return "call" if call else "visit"


_ABSENT_KEEPS = {"balances_reviewed", "reminder_days", "objective", "materials", "deliveries_match"}


def _closed_door_photo(store, visit_uuid: str) -> str:
    """A small grey PNG standing for the photo of closed premises (an absent visit needs one)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([150 if y % 4 else 90] * 32) for y in range(24))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 24, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    photo_id = str(uuidlib.uuid4())
    with store.sessions.begin() as session:
        visit_repo.add_attachment(session, photo_id, visit_uuid, "closed.png", "image/png",
                                  hashlib.sha256(png).hexdigest(), png)
    return photo_id


# Scenarios judged against later payments: the ledger's own payments after the visit would
# decide them instead of the story the scenario tells, so such customers are passed over.
_JUDGED = {"promise_kept", "promise_broken", "promise_partial", "promise_due_today",
           "call_promise", "promise_reminder", "plan_running"}


def _paid_since(file, day: date) -> bool:
    return any(p.paid_on >= day for p in file.payments)


def _round(minor: int, currency: str) -> int:
    step = 100_000 if currency == "VND" else 100
    return max(step, minor // step * step)


def _outcomes(scenario: str, invoices, now: datetime, today: date, person: str, lang: str) -> tuple:
    inv = invoices[0]
    cur = inv.open_balance
    half = Money(_round(cur.minor // 2, cur.currency), cur.currency)
    if scenario in ("promise_kept", "promise_broken", "promise_partial"):
        return (Promise(half, now.date() + timedelta(days=5), person, (inv.id,)),)
    if scenario in ("promise_due_today", "call_promise"):
        return (Promise(half, today, person, (inv.id,)),)
    if scenario == "promise_reminder":
        return (Promise(half, today + timedelta(days=1), person, (inv.id,)),)
    if scenario == "plan_running":
        total = Money(sum(i.open_balance.minor for i in invoices), cur.currency)
        lines = build_schedule(total, 4, now.date() + timedelta(days=14), Frequency.MONTHLY)
        return (InstallmentPlan(total, lines, Frequency.MONTHLY, 0.0, None, default_clause(lang),
                                tuple(i.id for i in invoices)),)
    if scenario in ("dispute_near", "dispute_late"):
        return (Dispute(DisputeReason.DAMAGED, (inv.id,), text(lang, "dispute"),
                        text(lang, "resolution"), now),)
    if scenario == "refusal":
        return (Refusal(text(lang, "refusal"), NextStep.SUPERVISOR_CALL),)
    if scenario == "absent_revisit":
        return (Absence(text(lang, "absent"), today),)
    amount = Money(min(cur.minor, half.minor), cur.currency)
    return (MoneyReceived(amount, "cash", "", (Allocation(inv.id, inv.number, amount),)),)


def _settle(store, scenario: str, cid: int, invoices, outcomes, made_on: date, today: date) -> None:
    """Payments after the visit that make promises kept, partly kept or running plans current."""
    paid = {"promise_kept": 1.0, "promise_partial": 0.4, "plan_running": 1.0}.get(scenario)
    if not paid:
        return
    target = outcomes[0]
    amount = target.amount if isinstance(target, Promise) else target.lines[0].amount
    minor = int(amount.minor * paid)
    day = min(today - timedelta(days=1), made_on + timedelta(days=3))
    with store.sessions.begin() as session:
        visit_repo.record_payment(session, cid, None, day, minor, amount.currency, "transfer",
                                  f"UNC {made_on:%d%m}-{cid}", _allocate(invoices, minor))


def _allocate(invoices, minor: int) -> list[tuple[int, int]]:
    """Oldest open invoices first, as accounting would apply the money."""
    result = []
    for inv in sorted(invoices, key=lambda i: i.due_on):
        share = min(minor, inv.open_balance.minor)
        if share > 0:
            result.append((inv.id, share))
            minor -= share
    return result
