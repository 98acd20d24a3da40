"""The pure rules of routes: ranking suggestions, spreading visit times, reading HH:MM."""

from datetime import date, time

import pytest

from fieldapp.domain.errors import InvalidValue
from fieldapp.domain.money import Money
from fieldapp.domain.routes import (Candidate, Reason, StopPlan, check_stops, fill_times,
                                    parse_time, rank, spread)

DAY = date(2026, 11, 26)


def ids(groups):
    return [g[0].customer_id for g in groups]


def test_reasons_come_first_then_age_bucket_then_amount_within_a_currency():
    c = [Candidate(1, Reason.OVERDUE, date(2026, 11, 20), Money(90_000_000, "VND")),
         Candidate(2, Reason.OVERDUE, date(2026, 7, 1), Money(1_000_000, "VND")),   # 90+
         Candidate(3, Reason.OVERDUE, date(2026, 11, 1), Money(95_000_000, "VND")),
         Candidate(4, Reason.DISPUTE_WAITING, date(2026, 11, 23)),
         Candidate(5, Reason.REVISIT_DUE, date(2026, 11, 25)),
         Candidate(6, Reason.REVISIT_DUE, date(2026, 11, 24)),
         Candidate(7, Reason.PROMISE_DUE, date(2026, 11, 25), Money(1_000, "VND")),
         Candidate(8, Reason.PROMISE_DUE, date(2026, 11, 25), Money(9_000, "VND")),
         Candidate(9, Reason.OVERDUE, date(2026, 11, 2), Money(900_000, "TWD")),    # other currency
         Candidate(4, Reason.OVERDUE, date(2026, 7, 1), Money(5, "VND"))]
    groups = rank(c, DAY)
    assert ids(groups) == [8, 7, 6, 5, 4, 2, 3, 1, 9]
    # a customer's own reasons, most pressing first
    assert [x.reason for x in groups[4]] == [Reason.DISPUTE_WAITING, Reason.OVERDUE]
    assert rank(list(reversed(c)), DAY) == groups   # the same data, the same route


def test_times_spread_from_the_start_and_fill_only_what_is_missing():
    assert spread(3, time(8, 30), 45) == [time(8, 30), time(9, 15), time(10, 0)]
    assert spread(3, time(23, 0), 45)[-1] == time(23, 59)
    assert fill_times([None, time(13, 0), None, None], time(8, 0), 30) == [
        time(8, 0), time(13, 0), time(13, 30), time(14, 0)]


@pytest.mark.parametrize("text, expected", [("08:30", time(8, 30)), (" 8:05 ", time(8, 5)),
                                            ("23:59", time(23, 59))])
def test_times_are_read_as_hh_mm(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "8:5", "8h30", "", "08:60", "-1:30", "830"])
def test_other_times_are_refused_with_what_was_typed(text):
    with pytest.raises(InvalidValue) as caught:
        parse_time(text)
    assert (caught.value.code, caught.value.params) == ("route.bad_time", {"text": text})


def test_a_customer_once_per_day():
    check_stops([StopPlan(1), StopPlan(2)])
    with pytest.raises(InvalidValue) as caught:
        check_stops([StopPlan(1), StopPlan(2), StopPlan(1)])
    assert caught.value.params == {"customer": 1, "stop": 3}
