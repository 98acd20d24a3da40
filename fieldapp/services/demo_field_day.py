"""A simulated working day on an enrolled laptop: visits and a call with every kind of outcome,
finalized with their signed documents through the laptop's own services (demos, simulations)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..store import visit_repo
from . import settings as cfg
from .demo_history import _Clock, _one
from .documents import Documents, device_keys
from .portfolio import Portfolio
from .visits import Visits

# One of each outcome the visit form knows: a promise, an installment plan, a dispute, money
# taken on site, a refusal, nobody at home (a photo of the closed door), a promise by phone.
DAY_SCENARIOS = ("promise_broken", "plan_running", "dispute_near", "money", "refusal",
                 "absent_revisit", "call_promise")


@dataclass(frozen=True)
class DayMade:
    visits: int
    calls: int
    skipped: int  # customers with nothing left to discuss that day


def open_customers(store) -> list[int]:
    """The laptop's customers with an undisputed open invoice, in id order."""
    with store.sessions() as session:
        return [a.customer_id for a in visit_repo.customers_with_open_invoices(session, 10**9)]


def make_day(store, home: Path, day: date, customer_ids, *, seed: int,
             first: int = 0) -> DayMade:
    """Visit ``customer_ids`` on ``day`` from 08:30 on, one after another, the scenarios taken
    in turn from ``first``; each is finalized (its PDFs signed by the laptop's enrolled key, or
    its development CA before enrollment)."""
    settings = cfg.Settings(store)
    clock = _Clock(datetime.combine(day, time(8, 30)), settings.zone())
    documents = Documents(store, settings, device_keys(home, settings, lambda: day), clock)
    visits = Visits(store, settings, clock, documents)
    portfolio = Portfolio(store, lambda: day)
    rng = random.Random(f"{seed}|{day.isoformat()}|{settings.get(cfg.COLLECTOR_NAME)}")
    made = {"visit": 0, "call": 0, None: 0}
    tomorrow = day + timedelta(days=1)  # the day a promise by phone or a revisit is set for
    for n, cid in enumerate(customer_ids):
        clock.value += timedelta(minutes=rng.randint(35, 80))
        scenario = DAY_SCENARIOS[(first + n) % len(DAY_SCENARIOS)]
        made[_one(store, visits, portfolio, cid, scenario, rng, tomorrow, settle=False)] += 1
    return DayMade(made["visit"], made["call"], made[None])
