"""The KPI dashboard computed by the database, on SQLite and PostgreSQL, against the small
office of tests/kpi_data.py whose figures were worked out by hand (see its docstring)."""

from datetime import date
from decimal import Decimal

import pytest

from fieldapp.domain.errors import InvalidValue, NotFound
from fieldapp.services.office.app import build
from tests import kpi_data
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES


@pytest.fixture
def kpis(store):
    kpi_data.fill(store)
    services = build(store, kpi_data.TODAY)
    return services.kpis


def _values(dashboard, scope="team"):
    return {(f.name, f.detail): f.value for f in dashboard.figures if f.scope == scope}


def test_receivables_figures_of_the_quarter(kpis):
    board = kpis.dashboard(kpi_data.FIRST, kpi_data.LAST)
    team = _values(board)
    assert (team["ar_beginning", ""], team["credit_sales", ""], team["ar_ending", ""],
            team["ar_ending_current", ""]) == (1600, 1100, 1400, 500)
    assert team["cei", ""] == Decimal("38.64")
    assert team["cei_whole_period", ""] == Decimal("59.09")
    assert team["dso_simple", ""] == Decimal("114.55")
    assert team["best_possible_dso", ""] == Decimal("40.91")
    assert team["average_days_delinquent", ""] == Decimal("73.64")
    assert team["dso_countback", ""] == Decimal("99.30")
    assert [f.currency for f in board.figures if f.name == "cei"] == ["VND"] * 3
    an, binh = _values(board, "An"), _values(board, "Bình")
    assert (an["ar_beginning", ""], an["ar_ending", ""], an["dso_simple", ""]) == (
        1000, 600, Decimal("90.00"))
    assert (binh["ar_beginning", ""], binh["ar_ending", ""], binh["dso_simple", ""]) == (
        600, 800, Decimal("144.00"))


def test_aging_over_the_quarter_and_roll_rates(kpis):
    team = _values(kpis.dashboard(kpi_data.FIRST, kpi_data.LAST))
    assert [team["aging", f"{b} on 2025-12-31"] for b in ("current", "1-30", "31-60", "61-90",
                                                           "90+")] == [1000, 400, 0, 200, 0]
    assert [team["aging", f"{b} on 2026-01-31"] for b in ("current", "1-30", "31-60", "61-90",
                                                           "90+")] == [600, 0, 400, 0, 200]
    assert [team["aging", f"{b} on 2026-03-31"] for b in ("current", "1-30", "31-60", "61-90",
                                                           "90+")] == [500, 0, 600, 0, 300]
    assert team["roll_rate", "1-30 on 2025-12-31 to 31-60 on 2026-01-31"] == Decimal("100.00")
    assert team["roll_rate", "current on 2025-12-31 to 1-30 on 2026-01-31"] == Decimal("0.00")
    assert team["roll_rate", "31-60 on 2025-12-31 to 61-90 on 2026-01-31"] is None


def test_activity_figures_count_each_payment_once(kpis):
    board = kpis.dashboard(kpi_data.FIRST, kpi_data.LAST)
    team = _values(board)
    assert (team["collected", ""], team["collected_on_site", ""]) == (1150, 150)
    assert (team["visits", ""], team["calls", ""]) == (4, 1)
    assert team["right_party_contact", ""] == Decimal("60.00")
    assert (team["promises_made", ""], team["promises_due", ""]) == (4, 4)
    assert [team[n, ""] for n in ("promises_kept", "promises_partial", "promises_broken",
                                  "promises_open")] == [Decimal("25.00")] * 4
    assert (team["disputes_opened", ""], team["disputes_resolved", ""],
            team["dispute_resolution_days", ""]) == (2, 2, Decimal("1.00"))
    an = _values(board, "An")
    assert (an["promises_kept", ""], an["promises_open", ""], an["collected", ""]) == (
        Decimal("50.00"), Decimal("50.00"), 1050)
    # 23:30 in Vietnam on 31 December UTC is 1 January there: the quarter's first day.
    assert ("team", date(2026, 1, 1), 1, 0) in board.contacts_per_day
    assert ("team", "VND", date(2026, 1, 20), 1000) in board.collected_per_day


def test_one_collector_alone(kpis):
    board = kpis.dashboard(kpi_data.FIRST, kpi_data.LAST, collector="Bình")
    assert {f.scope for f in board.figures} == {"Bình"}
    binh = _values(board, "Bình")
    assert (binh["ar_ending", ""], binh["collected", ""], binh["visits", ""],
            binh["calls", ""]) == (800, 100, 1, 1)
    assert (binh["promises_partial", ""], binh["promises_broken", ""]) == (
        Decimal("50.00"), Decimal("50.00"))
    assert binh["dispute_resolution_days", ""] == Decimal("1.50")


def test_a_later_today_keeps_the_period_judged_on_its_last_day(store):
    kpi_data.fill(store)
    # Judged on 31 March (the period's end) even though today is later: O4 is still open.
    board = build(store, date(2026, 6, 1)).kpis.dashboard(kpi_data.FIRST, kpi_data.LAST)
    assert _values(board)["promises_open", ""] == Decimal("25.00")
    early = _values(build(store, date(2026, 3, 12)).kpis.dashboard(kpi_data.FIRST,
                                                                     kpi_data.LAST))
    # On 12 March O3 (due 10 March, grace to 13 March) and O4 (due 30 March) are still open.
    assert (early["promises_open", ""], early["promises_broken", ""]) == (
        Decimal("50.00"), Decimal("0.00"))


def test_bad_periods_and_unknown_collectors_are_refused(kpis):
    with pytest.raises(InvalidValue) as bad:
        kpis.dashboard(date(2026, 3, 31), date(2026, 1, 1))
    assert bad.value.code == "kpi.bad_period"
    with pytest.raises(InvalidValue) as long_:
        kpis.dashboard(date(2020, 1, 1), date(2026, 1, 1))
    assert long_.value.code == "kpi.period_too_long"
    with pytest.raises(NotFound) as nobody:
        kpis.dashboard(kpi_data.FIRST, kpi_data.LAST, collector="Nobody")
    assert nobody.value.code == "kpi.unknown_collector"


def test_countback_reads_older_months_when_receivables_outlast_the_recent_ones(kpis):
    # March alone: Bình's 800 open (I4 500 of March, I3 300 of November) outlast the months
    # read first (December to March: 500 of sales), so November is read too:
    # 31 + 28 + 31 + 31 + 300 / 400 × 30 = 143.5 days.
    board = kpis.dashboard(date(2026, 3, 1), kpi_data.LAST)
    assert _values(board, "Bình")["dso_countback", ""] == Decimal("143.50")
    # An: nothing sold in March or February, January's 600 all open: 31 + 28 + 31 days.
    assert _values(board, "An")["dso_countback", ""] == Decimal("90.00")
