"""Visit routes for today and the next four working days: 8–14 overdue customers in one area."""

from __future__ import annotations

from random import Random

from .ledger import AMOUNT, DISPUTED, DUE, PAID
from .vocab import pack as vocab_pack

MIN_STOPS, MAX_STOPS, WORKING_DAYS_AHEAD = 8, 14, 4
# Fallback pools only matter for tiny portfolios; cap them so memory stays flat at 100,000.
_FOREIGN_CAP, _QUIET_CAP = 200, 400


class Pool:
    """Route candidates gathered while customers are generated: (id, place, overdue facts)."""

    def __init__(self):
        self.by_area: dict[tuple[str, str], list[tuple]] = {}
        self.foreign: list[tuple] = []
        self.quiet: list[tuple] = []

    def add(self, c: dict, invoices: list[list]) -> None:
        where = c["place"]
        late = [inv for inv in invoices if inv[DUE] < 0 and inv[PAID] < inv[AMOUNT]]
        if not late:
            if len(self.quiet) < _QUIET_CAP:
                self.quiet.append((c["k"], where["ward"], 0, 0, False, c["pack"].currency))
            return
        fact = (c["k"], where["ward"], len(late), -min(inv[DUE] for inv in late),
                any(inv[DISPUTED] for inv in late), c["pack"].currency)
        if c["pack"].country != "VN":
            if len(self.foreign) < _FOREIGN_CAP:
                self.foreign.append(fact)
            return
        self.by_area.setdefault((where["province"], where["district"]), []).append(fact)


def plan(pool: Pool, ctx, out: list) -> None:
    """Append route stops for today and the next working days, each day in a different area."""
    rng = Random(f"{ctx.seed}/routes")
    used: set[int] = set()
    for n, offset in enumerate(_route_days(ctx)):
        stops = _choose(rng, pool, used)
        if n == 0 and pool.foreign:
            # A Chinese-named customer on today's route lets the demo show CJK text on the route.
            stops = stops[:MAX_STOPS - 1] + [pool.foreign[int(rng.random() * len(pool.foreign))]]
        used.update(s[0] for s in stops)
        for seq, (stop, time) in enumerate(zip(stops, _times(len(stops))), start=1):
            out.append((ctx.next_id("route_stop"), ctx.day(offset), seq, stop[0], time,
                        _purpose(rng, stop)))


def _route_days(ctx) -> list[int]:
    days, offset = [0], 0
    while len(days) <= WORKING_DAYS_AHEAD:
        offset += 1
        if ctx.weekday(offset) < 5:
            days.append(offset)
    return days


def _choose(rng, pool: Pool, used: set[int]) -> list[tuple]:
    """8–14 customers of one district (or the biggest province, or anywhere for tiny data)."""
    count = MIN_STOPS + int(rng.random() * (MAX_STOPS - MIN_STOPS + 1))
    free = {area: [f for f in facts if f[0] not in used]
            for area, facts in sorted(pool.by_area.items())}
    areas = [area for area, facts in free.items() if len(facts) >= MIN_STOPS]
    if areas:
        candidates = free[areas[int(rng.random() * len(areas))]]
    else:
        candidates = _widest(free)
    if len(candidates) < MIN_STOPS:
        candidates = candidates + [q for q in pool.quiet if q[0] not in used]
    # The most pressing half is worth the trip; pick among them so days differ.
    ranked = sorted(candidates, key=lambda f: (not f[4], -f[3], f[0]))[: count * 2]
    chosen = rng.sample(ranked, min(count, len(ranked)))
    return sorted(chosen, key=lambda f: (f[1], f[0]))  # ward by ward


def _widest(free: dict) -> list[tuple]:
    """All free candidates of the province with the most of them, else of the whole country."""
    provinces: dict[str, list[tuple]] = {}
    for (province, _), facts in free.items():
        provinces.setdefault(province, []).extend(facts)
    best = max(provinces.values(), key=len, default=[])
    return best if len(best) >= MIN_STOPS else [f for facts in free.values() for f in facts]


def _times(n: int) -> list[str]:
    """Planned times: half the stops from 08:00, the rest after the 11:30–13:30 lunch break."""
    morning = (n + 1) // 2
    slots = []
    for start, stops in ((8 * 60, morning), (13 * 60 + 30, n - morning)):
        step = min(60, 210 // max(stops, 1) // 5 * 5)
        slots += [f"{minute // 60:02d}:{minute % 60:02d}"
                  for minute in range(start, start + stops * step, step)]
    return slots


def _purpose(rng, stop: tuple) -> str:
    """Why we go, in the collector's language (Vietnamese), with the oldest overdue age."""
    texts = vocab_pack("vi").route
    _, _, count, days, disputed, currency = stop
    kind = ("dispute" if disputed else "severe" if days > 90 else "several" if count > 1
            else "overdue" if count else "visit")
    options = texts[kind]
    text = options[int(rng.random() * len(options))].format(days=days, count=count)
    return text if currency == "VND" else f"{text} ({currency})"
