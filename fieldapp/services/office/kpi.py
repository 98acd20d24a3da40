"""The KPI dashboard of a period: the database sums by collector and currency, the formulas
of domain.kpi turn them into figures for the team and for each collector."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from ...domain import kpi
from ...domain.errors import InvalidValue, NotFound
from ...domain.kpi_figures import Dashboard, Figure, promise_shares
from ...domain.promises import judge
from ...store import kpi_repo
from . import kpi_cache

TEAM = "team"
UNASSIGNED = "unassigned"
MAX_DAYS = 731  # two years: a dashboard, not an archive
COUNTBACK_MONTHS = 12


class Kpis:
    """Figures for a period, per collector and for the team, by currency."""

    def __init__(self, store, now, settings):
        self.store, self.now, self.settings = store, now, settings

    def dashboard(self, first: date, last: date, collector: str | None = None) -> Dashboard:
        if last < first:
            raise InvalidValue("kpi.bad_period", first=first, last=last)
        if (last - first).days >= MAX_DAYS:
            raise InvalidValue("kpi.period_too_long", first=first, last=last, days=MAX_DAYS)
        zone, policy = self.settings.zone(), self.settings.promise_policy()
        lo_at = datetime.combine(first, time(0), zone)
        hi_at = datetime.combine(last + timedelta(days=1), time(0), zone)
        offset = int(lo_at.utcoffset().total_seconds() // 60)
        days = _snapshot_days(first, last)
        # The countback rarely goes back further than the period and two months before it:
        # older months are read only if some receivables outlast those.
        near = min(first, _month_start(last, min(COUNTBACK_MONTHS, _months(first, last) + 3)
                                       - 1))
        far = min(first, _month_start(last, COUNTBACK_MONTHS - 1))
        kpi_cache.refresh_store(self.store)  # what imports left stale
        with self.store.sessions() as session:
            cid = self._collector_id(session, collector)
            names = kpi_repo.collector_names(session)
            sales = kpi_repo.sales_by_month(session, near, first, last, cid)
            balances = kpi_repo.balances(session, days, cid)
            if far < near and _outlasts(sales, balances, len(days) - 1):
                sales += kpi_repo.sales_by_month(session, far, first,
                                                 near - timedelta(days=1), cid)
            money = kpi_repo.collected(session, first, last, cid)
            contacts = kpi_repo.contacts(session, lo_at, hi_at, offset, cid)
            made = kpi_repo.promises_made(session, first, last, cid)
            commitments = kpi_repo.due_commitments(session, first, last, cid)
            opened, resolved = kpi_repo.disputes(session, first, last, lo_at, hi_at, cid)
        as_of = min(last, self.now().date())
        statuses = [(who, judge(minor, due, taken, as_of, policy), n)
                    for who, minor, due, taken, n in commitments]

        def scopes(who):
            name = names.get(who, UNASSIGNED) if who else UNASSIGNED
            return (name,) if cid else (TEAM, name)
        build = _Builder(first, last, days, scopes)
        build.money(sales, balances, money)
        build.activity(contacts, made, statuses, opened, resolved)
        return Dashboard(first, last, tuple(build.figures), build.collected_series(),
                         build.contact_series())

    def refresh(self) -> set[str]:
        """Make the kept sums of what changed since (after a receivables import: every
        collector's, seconds to a minute for a million invoices); the collectors made again."""
        return kpi_cache.refresh_store(self.store)

    def currencies(self) -> list[str]:
        """The currencies receivables are open in, the one with the most open first."""
        kpi_cache.refresh_store(self.store)
        with self.store.sessions() as session:
            held = kpi_repo.open_by_currency(session)
        return sorted(held, key=lambda c: (-held[c], c))

    def _collector_id(self, session, name: str | None) -> str | None:
        if name is None:
            return None
        found = kpi_repo.collector_id(session, name)
        if found is None:
            raise NotFound("kpi.unknown_collector", collector=name)
        return found


def _month_start(day: date, back: int) -> date:
    months = day.year * 12 + day.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)


def _months(first: date, last: date) -> int:
    """Calendar months the period touches."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _outlasts(sales, balances, end: int) -> bool:
    """Some collector's receivables in some currency on the last day exceed its credit sales
    of the months read: the countback needs older months."""
    held, sold = defaultdict(int), defaultdict(int)
    for who, cur, k, _b, minor in balances:
        if k == end:
            held[who, cur] += minor
    for who, cur, _m, total, _in_period in sales:
        sold[who, cur] += int(total)
    return any(minor > sold[key] for key, minor in held.items())


def _snapshot_days(first: date, last: date) -> list[date]:
    """The day before the period, each month end inside it, and its last day."""
    days, day = [first - timedelta(days=1)], first
    while True:
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if end >= last:
            break
        days.append(end)
        day = end + timedelta(days=1)
    return days + [last]


class _Builder:
    """Sums the grouped rows per scope (the team and each collector) and applies the formulas."""

    def __init__(self, first, last, days, scopes):
        self.first, self.last, self.days, self.scopes = first, last, days, scopes
        self.figures: list[Figure] = []
        self._collected = defaultdict(int)
        self._contacts = defaultdict(lambda: [0, 0])

    def _add(self, name, value, currency=None, scope=TEAM, detail=""):
        self.figures.append(Figure(name, value, currency, scope, detail))

    def money(self, sales, balances, money) -> None:
        month_sales, period_sales = defaultdict(int), defaultdict(int)
        for who, cur, month, total, in_period in sales:
            for s in self.scopes(who):
                month_sales[s, cur, month] += int(total)
                period_sales[s, cur] += int(in_period)
        held = defaultdict(int)  # (scope, currency, day index, bucket) → minor
        for who, cur, k, b, minor in balances:
            for s in self.scopes(who):
                held[s, cur, k, b] += minor
        collected, on_site = defaultdict(int), defaultdict(int)
        for who, cur, day, total, site in money:
            for s in self.scopes(who):
                collected[s, cur] += total
                on_site[s, cur] += site
                self._collected[s, cur, day] += total
        keys = sorted({k[:2] for k in held} | set(period_sales) | set(collected),
                      key=lambda k: (k[0] != TEAM, k))
        for scope, cur in keys:
            self._money_figures(scope, cur, period_sales[scope, cur], month_sales, held)
            self._add("collected", collected[scope, cur], cur, scope)
            self._add("collected_on_site", on_site[scope, cur], cur, scope)

    def _money_figures(self, scope, cur, sales, month_sales, held) -> None:
        end = len(self.days) - 1
        at = [sum(held[scope, cur, k, b] for b in range(5)) for k in range(len(self.days))]
        current = held[scope, cur, end, 0]
        period_days = (self.last - self.first).days + 1
        months = max(1, round(period_days * 12 / 365))
        dso = kpi.dso_simple(at[end], sales, period_days)
        best = kpi.best_possible_dso(current, sales, period_days)
        for name, value in (
                ("ar_beginning", at[0]), ("credit_sales", sales), ("ar_ending", at[end]),
                ("ar_ending_current", current),
                ("cei", kpi.cei(at[0], sales, at[end], current, months)),
                ("cei_whole_period", kpi.cei(at[0], sales, at[end], current)),
                ("dso_simple", dso),
                ("dso_countback", kpi.dso_countback(at[end], self._countback(scope, cur,
                                                                             month_sales))),
                ("best_possible_dso", best),
                ("average_days_delinquent", kpi.average_days_delinquent(dso, best))):
            self._add(name, value, cur, scope)
        for k, day in enumerate(self.days):
            for b, bucket in enumerate(kpi.BUCKETS):
                self._add("aging", held[scope, cur, k, b], cur, scope,
                          f"{bucket.value} on {day.isoformat()}")
            if k:
                earlier = {bk: held[scope, cur, k - 1, b] for b, bk in enumerate(kpi.BUCKETS)}
                later = {bk: held[scope, cur, k, b] for b, bk in enumerate(kpi.BUCKETS)}
                for (a, b), rate in kpi.roll_rates(earlier, later).items():
                    self._add("roll_rate", rate, cur, scope, f"{a.value} on "
                              f"{self.days[k - 1].isoformat()} to {b.value} on {day.isoformat()}")

    def _countback(self, scope, cur, month_sales) -> list[tuple[int, int]]:
        """(sales, days) of the 12 calendar months ending on the period's last day, newest
        first; the last day's month counts its days up to that day."""
        out = []
        for back in range(COUNTBACK_MONTHS):
            start = _month_start(self.last, back)
            days = self.last.day if back == 0 else calendar.monthrange(start.year,
                                                                      start.month)[1]
            out.append((month_sales[scope, cur, start.strftime("%Y-%m")], days))
        return out

    def activity(self, contacts, made, statuses, opened, resolved) -> None:
        counts = defaultdict(int)
        for who, kind, day, n, rpc in contacts:
            for s in self.scopes(who):
                counts[s, kind] += n
                counts[s, "rpc"] += rpc
                self._contacts[s, day][0 if kind == "visit" else 1] += n
        for who, kind, n in made:
            for s in self.scopes(who):
                counts[s, "made"] += int(n)
        by_scope = defaultdict(list)
        for who, status, n in statuses:
            for s in self.scopes(who):
                by_scope[s].extend([status] * n)
        for who, n in opened:
            for s in self.scopes(who):
                counts[s, "opened"] += int(n)
        for who, n, seconds in resolved:
            for s in self.scopes(who):
                counts[s, "resolved"] += n
                counts[s, "seconds"] += seconds
        scopes = sorted({k[0] for k in counts} | set(by_scope), key=lambda s: (s != TEAM, s))
        for s in scopes:
            attempts = counts[s, "visit"] + counts[s, "call"]
            self._add("visits", counts[s, "visit"], scope=s)
            self._add("calls", counts[s, "call"], scope=s)
            self._add("right_party_contact", kpi.rate(counts[s, "rpc"], attempts), scope=s)
            self._add("promises_made", counts[s, "made"], scope=s)
            for name, value in promise_shares(by_scope[s]).items():
                self._add(name, value, scope=s)
            self._add("disputes_opened", counts[s, "opened"], scope=s)
            self._add("disputes_resolved", counts[s, "resolved"], scope=s)
            self._add("dispute_resolution_days",
                      kpi.average(counts[s, "seconds"], counts[s, "resolved"], 86400), scope=s)

    def collected_series(self):
        return tuple((s, cur, day, m) for (s, cur, day), m in sorted(self._collected.items()))

    def contact_series(self):
        return tuple((s, day, v, c) for (s, day), (v, c) in sorted(self._contacts.items()))
