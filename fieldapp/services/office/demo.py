"""The demo office: the laptop's demo portfolio (same seed, same customers), six collectors
with their customers assigned by territory, and this week's routes for each of them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time

from ...domain.errors import FieldappError
from ...domain.instants import to_text, zone_named
from ...store import office_demo
from .. import demo
from .demo_team import TEAM, collector_id, covering, derived_id
from .demo_week import Candidate, plan_week, week_of

ACTOR = "demo"
# The demo distributor works from Ho Chi Minh City: its log says 08:00 there on the day.
_OFFICE_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class OfficeDemoSummary:
    """The laptop demo's counts, then the office's own."""

    portfolio: demo.DemoSummary
    collectors: int
    assigned: int
    route_stops: int
    week: tuple[date, date]

    def counts(self) -> dict:
        counts = asdict(self.portfolio)
        counts.pop("route_stops")  # the laptop's own stops are replaced by the collectors'
        return {**counts, "collectors": self.collectors, "assigned": self.assigned,
                "route_stops": self.route_stops, "week_from": self.week[0].isoformat(),
                "week_to": self.week[1].isoformat()}


def held(store) -> int:
    """How many customers the office database holds."""
    with store.engine.connect() as conn:
        return office_demo.customer_count(conn)


def clear(store) -> None:
    """Empty a shared (PostgreSQL) office for ``--replace``, in one transaction."""
    with store.sessions.begin() as session:
        office_demo.clear(session.connection())


def fill(store, customers: int, *, seed: int, today: date, progress=None) -> OfficeDemoSummary:
    """Fill an empty office: the same customers as ``fieldapp demo-data`` with this seed and
    day, then collectors, assignments (one logged batch by "demo") and this week's routes."""
    count = held(store)
    if count:
        raise FieldappError("demo.office_not_empty", database=_where(store), count=count)
    portfolio = demo.generate(store, customers, seed=seed, today=today, progress=progress)
    at = to_text(datetime.combine(today, time(8), zone_named(_OFFICE_ZONE)))
    days = week_of(today)
    with store.sessions.begin() as session:
        conn = session.connection()
        office_demo.write_collectors(conn, _collectors(seed, at))
        assigned = _assign(conn, seed, at)
        stops = _routes(conn, seed, today, days)
    return OfficeDemoSummary(portfolio, len(TEAM), assigned, stops, (days[0], days[-1]))


def _where(store) -> str:
    return str(store.path) if store.path else store.engine.url.render_as_string(hide_password=True)


def _collectors(seed: int, at: str) -> list[dict]:
    return [{"id": collector_id(seed, n), "name": m.name, "phone": m.phone,
             "language": m.language, "active": True, "created_at": at}
            for n, m in enumerate(TEAM)]


def _assign(conn, seed: int, at: str) -> int:
    batch = derived_id(seed, "assignment-batch")
    assignments, log = [], []
    for cid, country, province, district in office_demo.places(conn):
        index = covering(country, province, district)
        if index is None:
            continue  # a place no territory holds: the supervisor assigns it by hand
        to = collector_id(seed, index)
        assignments.append({"id": cid, "collector": to, "territory": TEAM[index].territory})
        log.append({"id": derived_id(seed, "assignment", cid), "batch_id": batch, "at": at,
                    "actor": ACTOR, "customer_id": cid, "from_collector": None,
                    "to_collector": to, "undone_by": None})
    office_demo.assign(conn, assignments, log)
    return len(assignments)


def _routes(conn, seed: int, today: date, days: list[date]) -> int:
    facts, promises = office_demo.route_facts(conn, today, days[0], days[-1])
    by_collector: dict[str, list[Candidate]] = {}
    for cid, collector, province, district, address, late, oldest, overdue, disputed in facts:
        by_collector.setdefault(collector, []).append(Candidate(
            cid, (province, district, address), late, (today - oldest).days if oldest else 0,
            overdue, bool(disputed), promises.get(cid)))
    stops = []
    for index, member in enumerate(TEAM):
        own = collector_id(seed, index)
        for day, seq, cand, planned, purpose in plan_week(by_collector.get(own, []), days, seed,
                                                          index, member.language):
            stops.append({"route_date": day, "seq": seq, "customer_id": cand.customer_id,
                          "planned_time": planned, "purpose": purpose, "collector_id": own})
    office_demo.replace_routes(conn, stops)
    return len(stops)
