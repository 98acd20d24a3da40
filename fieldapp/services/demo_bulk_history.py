"""Years of past visits in bulk (`demo-data --history N`): promises, plans, the payments after.

The signed-document demo history (demo_history) goes through the visit services and stays
small; this one writes rows directly, so tens of thousands of visits take seconds. Its visits
have no signatures and no documents: they are there to weigh on the follow-up lists and the
customer's history the way a long-used laptop does."""

from __future__ import annotations

import random
import uuid as uuidlib
from datetime import date, datetime, time, timedelta, tzinfo

from ..domain.codec import canonical_json, sha256_of, visit_to_dict
from ..domain.instants import to_text
from ..domain.installments import Frequency, build_schedule
from ..domain.money import Money
from ..domain.visit import (Absence, Dispute, DisputeReason, InstallmentPlan, NextStep, Promise,
                            Refusal, Visit, VisitKind, VisitStatus)
from ..store import history_bulk
from . import settings as cfg
from .demo_texts import text
from .finalize import outcome_rows

HISTORY_DAYS = 3 * 365  # as long as the demo ledger's invoices go back
MIX = (("promise", 45), ("call_promise", 10), ("plan", 17), ("refusal", 12), ("dispute", 7),
       ("absent", 9))
# Disputes and revisits older than this were settled since (the office closes disputes, the
# collector went back): a long history is not a long list of open ones.
SETTLED_AFTER_DAYS = 30
BUSY_SHARE, BUSY_CUSTOMERS = 0.2, 200  # a fifth of the visits go to a few problem accounts
CHUNK = 5000


def generate_bulk_history(store, today: date, visits: int, seed: int = 2026) -> int:
    """Add ``visits`` past visits and calls over the last three years; returns how many."""
    accounts = history_bulk.accounts(store)
    if not accounts or visits < 1:
        return 0
    rng = random.Random(f"{seed}/bulk-history")
    settings = cfg.Settings(store)
    who = (settings.get(cfg.COLLECTOR_NAME) or "Trần Minh Khoa", settings.device_id())
    zone = settings.zone()
    busy = rng.sample(accounts, min(BUSY_CUSTOMERS, len(accounts)))
    kinds, weights = zip(*MIX)
    for start in range(0, visits, CHUNK):
        rows = {"visits": [], "outcomes": [], "payments": []}
        for _ in range(min(CHUNK, visits - start)):
            account = rng.choice(busy if rng.random() < BUSY_SHARE else accounts)
            _one(rng, account, rng.choices(kinds, weights)[0], today, who, rows, zone)
        history_bulk.write_history(store, rows["visits"], rows["outcomes"], rows["payments"])
    return visits


def _one(rng: random.Random, account, scenario: str, today: date, who, rows: dict,
         zone: tzinfo) -> None:
    # Working hours of the collector's own day, stored as UTC like every instant.
    started = datetime.combine(today - timedelta(days=rng.randint(1, HISTORY_DAYS)),
                               time(8), tzinfo=zone) + timedelta(minutes=rng.randint(0, 540))
    made_on = started.date()
    lang = account.language
    answers = {"balances_reviewed": True, "purpose_stated": True, "met_contact": text(lang, "owner"),
               "position_reason": rng.choice(["cash_flow", "awaiting_approval", "quality"]),
               "position_notes": text(lang, "notes"), "reminder_days": rng.choice([1, 1, 2, 3])}
    if rng.random() < 0.2:
        answers["follow_up_on"] = (made_on + timedelta(days=rng.randint(7, 14))).isoformat()
    outcome = _outcome(rng, scenario, account, started, lang)
    visit = Visit(str(uuidlib.UUID(int=rng.getrandbits(128), version=4)), account.customer_id,
                  VisitKind.CALL if scenario == "call_promise" else VisitKind.VISIT, started,
                  who[0], who[1], answers, (outcome,), status=VisitStatus.FINAL,
                  finalized_at=started + timedelta(minutes=rng.randint(15, 60)))
    data = visit_to_dict(visit)
    at = to_text(visit.finalized_at)
    rows["visits"].append(dict(uuid=visit.uuid, customer_id=visit.customer_id, kind=visit.kind.value,
                               status="final", started_at=to_text(started), updated_at=at,
                               finalized_at=at, amends=None, body=canonical_json(data),
                               sha256=sha256_of(data)))
    settled = (today - made_on).days > SETTLED_AFTER_DAYS
    for row in outcome_rows(visit):
        # Every row names every column: a bulk insert takes its columns from the first row.
        row["resolved"] = settled and row["kind"] in ("dispute", "absent", "follow_up")
        rows["outcomes"].append(row)
    rows["payments"] += _payments(rng, account, outcome, made_on, today)


def _round(minor: int, currency: str) -> int:
    step = 100_000 if currency == "VND" else 100
    return max(step, minor // step * step)


def _outcome(rng: random.Random, scenario: str, account, started: datetime, lang: str):
    made_on = started.date()
    amount = Money(_round(int(account.typical_minor * rng.uniform(0.3, 1.0)), account.currency),
                   account.currency)
    if scenario in ("promise", "call_promise"):
        return Promise(amount, made_on + timedelta(days=rng.randint(3, 21)), text(lang, "owner"))
    if scenario == "plan":
        total = Money(amount.minor * rng.randint(2, 4), amount.currency)
        lines = build_schedule(total, rng.randint(3, 6), made_on + timedelta(days=rng.randint(14, 30)),
                               Frequency.MONTHLY)
        return InstallmentPlan(total, lines, Frequency.MONTHLY)
    if scenario == "dispute":
        return Dispute(rng.choice(list(DisputeReason)), (), text(lang, "dispute"),
                       text(lang, "resolution"), started)
    if scenario == "absent":
        return Absence(text(lang, "absent"), made_on + timedelta(days=rng.randint(1, 7)))
    return Refusal(text(lang, "refusal"), rng.choice(list(NextStep)))


def _payments(rng: random.Random, account, outcome, made_on: date, today: date) -> list[dict]:
    """Most promises kept, some in part, some broken; plan lines paid until the customer stops."""
    due = []
    if isinstance(outcome, Promise):
        share = rng.choices((1.0, 0.4, 0.0), (55, 15, 30))[0]
        due = [(outcome.due_on, int(outcome.amount.minor * share))]
    elif isinstance(outcome, InstallmentPlan):
        for line in outcome.lines:
            if rng.random() > 0.85:
                break  # the customer stopped paying: the plan defaults from here
            due.append((line.due_on, line.amount.minor))
    rows = []
    for day, minor in due:
        paid_on = max(made_on, day - timedelta(days=rng.randint(0, 3)))
        if minor and paid_on < today:
            # Ids from the seeded generator: the same seed gives the same demo, ids included.
            rows.append(dict(id=str(uuidlib.UUID(int=rng.getrandbits(128), version=4)),
                             customer_id=account.customer_id, paid_on=paid_on, amount_minor=minor,
                             currency=account.currency, method="transfer",
                             reference=f"UNC {paid_on:%d%m%y}-{account.customer_id}",
                             visit_uuid=None))
    return rows
