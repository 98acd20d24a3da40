"""A collector's route for a day: read, suggest from what is due and overdue, save, print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ...documents.model import Company
from ...documents.route_words import objective_text
from ...domain.errors import InvalidValue, NotFound
from ...domain.money import Money
from ...domain.promises import PromisePolicy, judge
from ...domain.records import CustomerSummary, RouteStop
from ...domain.routes import (DEFAULT_START, DEFAULT_VISIT_MINUTES, OBJECTIVES,
                              PROMISE_LOOKBACK_DAYS, Candidate, Collector, Reason, StopPlan,
                              Suggestion, check_stops, fill_times, parse_time, rank)
from ...domain.visit import PromiseStatus
from ...store import queries, route_repo, settings_repo
from .. import settings as cfg
from ..changes import Changes
from ..followups import taken_by

# Office settings of routes (read if stored; the defaults otherwise). Not in the laptop's
# settings dialog: a laptop's route comes from the office.
ROUTE_START = cfg.Setting("route.start", str, DEFAULT_START.strftime("%H:%M"),
                          "First visit of the day")
VISIT_MINUTES = cfg.Setting("route.visit_minutes", int, DEFAULT_VISIT_MINUTES,
                            "Minutes per visit, with the way to the next")


@dataclass(frozen=True)
class SheetStop:
    """One line of the route sheet."""

    stop: RouteStop
    address: str
    contact: str
    phone: str


@dataclass(frozen=True)
class RouteSheet:
    """What the printed route sheet shows: whose route, which day, the stops."""

    collector: Collector
    day: date
    stops: tuple[SheetStop, ...]
    company: Company


class Routes:
    """Routes of the office's collectors; every read and write is one transaction."""

    def __init__(self, store, now: Callable[[], datetime]):
        self._store = store
        self.now = now

    # -- collectors ------------------------------------------------------------------------
    def collectors(self) -> list[Collector]:
        with self._store.sessions() as session:
            return route_repo.collectors(session)

    def collector(self, collector_id: str) -> Collector:
        with self._store.sessions() as session:
            found = route_repo.collector(session, collector_id)
        if found is None:
            raise NotFound("route.unknown_collector", collector=collector_id)
        return found

    def collector_named(self, name: str) -> Collector:
        """The collector called ``name`` (case and accents as typed, else case-folded)."""
        every = self.collectors()
        exact = [c for c in every if c.name == name.strip()]
        loose = [c for c in every if c.name.casefold() == name.strip().casefold()]
        if len(exact or loose) != 1:
            raise NotFound("route.unknown_collector", collector=name)
        return (exact or loose)[0]

    # -- the day ---------------------------------------------------------------------------
    def day(self, collector_id: str, day: date) -> list[RouteStop]:
        """The collector's stops of ``day`` in visiting order."""
        with self._store.sessions() as session:
            return route_repo.day_stops(session, collector_id, day)

    def timing(self) -> tuple[time, int]:
        """The first visit's time and the minutes per visit (office settings, else defaults)."""
        start, minutes = self._settings(ROUTE_START, VISIT_MINUTES)
        try:
            return parse_time(start), max(5, minutes)
        except InvalidValue:
            return DEFAULT_START, max(5, minutes)

    def save(self, collector_id: str, day: date, stops: list[StopPlan],
             start: time | None = None) -> Changes:
        """Replace the collector's stops of ``day`` with ``stops``, in one transaction. Stops
        without a time follow the one before by the visit length (the first at ``start``)."""
        check_stops(stops)
        first, minutes = self.timing()
        times = fill_times([s.planned_time for s in stops], start or first, minutes)
        rows = [(s.customer_id, t.strftime("%H:%M"), s.purpose.strip())
                for s, t in zip(stops, times)]
        ids = {s.customer_id for s in stops}
        with self._store.sessions.begin() as session:
            if route_repo.collector(session, collector_id) is None:
                raise NotFound("route.unknown_collector", collector=collector_id)
            strangers = ids - route_repo.assigned(session, collector_id, ids)
            if strangers:
                raise InvalidValue("route.not_assigned", customer=min(strangers))
            route_repo.replace_day(session, collector_id, day, rows)
        return Changes(customers=frozenset(ids), route=True)

    # -- suggestions -----------------------------------------------------------------------
    def suggest(self, collector_id: str, day: date, limit: int = 10,
                exclude=()) -> list[Suggestion]:
        """Up to ``limit`` of the collector's customers most worth visiting on ``day`` (see
        domain.routes.rank), leaving out ``exclude`` (customer ids already on the route)."""
        collector = self.collector(collector_id)
        policy = self._policy()
        skip = set(exclude)
        with self._store.sessions() as session:
            found = [c for c in self._candidates(session, collector_id, day, policy)
                     if c.customer_id not in skip]
            ranked = rank(found, day)[:max(0, limit)]
            rows = queries.summaries(session.connection(), [g[0].customer_id for g in ranked],
                                     day)
        by_id = {r.id: r for r in rows}
        return [self._suggestion(by_id[g[0].customer_id], g, collector.language)
                for g in ranked if g[0].customer_id in by_id]

    def _suggestion(self, row: CustomerSummary, found: list[Candidate], language: str):
        top = found[0]
        reasons = tuple(dict.fromkeys(c.reason for c in found))
        objective = OBJECTIVES[top.reason]
        return Suggestion(row, top.reason, reasons, objective,
                          objective_text(objective, language), top.due_on, top.amount)

    def _candidates(self, session, collector_id: str, day: date,
                    policy: PromisePolicy) -> list[Candidate]:
        since = day - timedelta(days=PROMISE_LOOKBACK_DAYS)
        found = _promises(session, collector_id, since, day, policy)
        others = route_repo.revisits_and_disputes(session, collector_id, since, day)
        # A revisit or dispute nobody went back for since it was recorded is still waiting.
        last = route_repo.last_visit_days(session, {o.customer_id for o in others})
        for o in others:
            if last.get(o.customer_id, o.made_on) > o.made_on:
                continue
            dispute = o.kind == "dispute"
            due = o.deadline.date() if dispute and o.deadline else o.due_on
            found.append(Candidate(o.customer_id, Reason.DISPUTE_WAITING if dispute
                                   else Reason.REVISIT_DUE, due))
        found += [Candidate(cid, Reason.OVERDUE, oldest, amount)
                  for cid, amount, oldest in route_repo.overdue(session, collector_id, day)]
        return found

    # -- the customers a stop can be added for ---------------------------------------------
    def customers(self, collector_id: str, query: str, day: date,
                  limit: int = 50) -> list[CustomerSummary]:
        """The collector's customers matching ``query`` (by name), as of ``day``."""
        with self._store.sessions() as session:
            ids = route_repo.search(session, collector_id, query, limit)
            return queries.summaries(session.connection(), ids, day)

    def by_codes(self, collector_id: str, codes: list[str]) -> list[int]:
        """Customer ids of ``codes`` in their order; an unknown code or another collector's
        customer is refused, naming it."""
        with self._store.sessions() as session:
            ids = route_repo.customer_ids_by_code(session, codes)
            missing = [c for c in codes if c not in ids]
            if missing:
                raise NotFound("route.unknown_customer", customer_code=missing[0])
            mine = route_repo.assigned(session, collector_id, ids.values())
        strangers = [c for c in codes if ids[c] not in mine]
        if strangers:
            raise InvalidValue("route.not_assigned", customer=strangers[0])
        return [ids[c] for c in codes]

    # -- the route sheet -------------------------------------------------------------------
    def sheet(self, collector_id: str, day: date) -> RouteSheet:
        collector = self.collector(collector_id)
        with self._store.sessions() as session:
            stops = route_repo.day_stops(session, collector_id, day)
            more = route_repo.details(session, [s.customer.id for s in stops])
        lines = tuple(SheetStop(s, *more.get(s.customer.id, ("", "", s.customer.phone)))
                      for s in stops)
        name, address, tax, phone = self._settings(cfg.COMPANY_NAME, cfg.COMPANY_ADDRESS,
                                                   cfg.COMPANY_TAX_CODE, cfg.COMPANY_PHONE)
        return RouteSheet(collector, day, lines, Company(name, address, tax, phone))

    def sheet_pdf(self, collector_id: str, day: date) -> bytes:
        """The route sheet as a PDF in the collector's language (a working paper: unsigned)."""
        from ...documents.route_sheet import build  # noqa: PLC0415 (ReportLab when printing)
        return build(self.sheet(collector_id, day))

    # -- settings, read only: the office database keeps no laptop settings ------------------
    def _settings(self, *wanted: cfg.Setting) -> tuple:
        with self._store.sessions() as session:
            values = settings_repo.read_all(session)
        result = []
        for s in wanted:
            try:
                result.append(s.default if values.get(s.key) is None else s.kind(values[s.key]))
            except ValueError:  # a hand-edited value: the default rather than no route
                result.append(s.default)
        return tuple(result)

    def _policy(self) -> PromisePolicy:
        return PromisePolicy(*self._settings(cfg.PROMISE_GRACE_DAYS, cfg.PROMISE_KEPT_PCT))


def _promises(session, collector_id: str, since: date, day: date,
              policy: PromisePolicy) -> list[Candidate]:
    """Promises and installment lines due from ``since`` to ``day`` and not kept as of
    ``day``, each with what it still expects; payments are shared out over every live
    commitment of those customers, each unit counted once (followups.taken_by)."""
    due = route_repo.promises_due(session, collector_id, since, day)
    if not due:
        return []
    taken = taken_by(session, route_repo.commitments_of(session, {o.customer_id for o in due}),
                     policy.grace_days)
    found = []
    for o in due:
        paid = taken.get(o.uuid, 0)
        if judge(o.amount.minor, o.due_on, paid, day, policy) is not PromiseStatus.KEPT:
            found.append(Candidate(o.customer_id, Reason.PROMISE_DUE, o.due_on,
                                   Money(o.amount.minor - paid, o.amount.currency)))
    return found
