"""Dates within reason: days that exist, not beyond a sensible horizon; --today within range."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from fieldapp import cli
from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.validation import (FOLLOW_UP_HORIZON_DAYS, PLAN_HORIZON_DAYS,
                                        REVISIT_HORIZON_DAYS, validate_absence,
                                        validate_answer_dates, validate_money_received,
                                        validate_plan)
from fieldapp.domain.visit import (Absence, InstallmentPlan, MoneyReceived, NextStep, Refusal,
                                   Signature)
from fieldapp.services import settings as cfg
from fieldapp.services.checklists import checklist
from fieldapp.services.finalize import VisitIncomplete
from fieldapp.services.visits import Visits
from tests.conftest import Clock, VN

TODAY = date(2026, 11, 22)
FAR = date(9999, 12, 31)
VND = "VND"
INK = (((0.0, 0.0), (100.0, 0.0), (100.0, 60.0)),)


def _codes(errors, field):
    return [e.code for e in errors if e.field == field]


def _items(step_id):
    return checklist("visit").step(step_id).items


def test_a_follow_up_that_does_not_exist_or_lies_too_far_ahead_is_named():
    step = next(s for s in checklist("visit").steps
                if any(i.id == "follow_up_on" for i in s.items))
    check = lambda value: _codes(validate_answer_dates(step.items, {"follow_up_on": value},  # noqa: E731
                                                       TODAY), "follow_up_on")
    assert check("2026-02-30") == ["date_invalid"]
    assert check("not a day") == ["date_invalid"]
    assert check(FAR.isoformat()) == ["date_beyond_horizon"]
    assert check((TODAY + timedelta(days=FOLLOW_UP_HORIZON_DAYS + 1)).isoformat()) \
        == ["date_beyond_horizon"]
    assert check((TODAY + timedelta(days=FOLLOW_UP_HORIZON_DAYS)).isoformat()) == []
    assert check(None) == []  # not given is for the required rule to judge


def test_an_appointment_far_ahead_or_impossible_is_named():
    items = _items("plan")
    assert _codes(validate_answer_dates(items, {"appointment": "9999-12-31T09:00"}, TODAY),
                  "appointment") == ["date_beyond_horizon"]
    assert _codes(validate_answer_dates(items, {"appointment": "2026-13-01T09:00"}, TODAY),
                  "appointment") == ["date_invalid"]
    assert validate_answer_dates(items, {"appointment": "2026-11-22T14:30"}, TODAY) == []


def test_a_revisit_in_the_year_9999_is_refused_one_within_a_quarter_is_not():
    def errors(day):
        return _codes(validate_absence(Absence("đóng cửa", day, ()), TODAY), "revisit_on")
    assert errors(FAR) == ["date_beyond_horizon"]
    assert errors(TODAY + timedelta(days=REVISIT_HORIZON_DAYS + 1)) == ["date_beyond_horizon"]
    assert errors(TODAY + timedelta(days=REVISIT_HORIZON_DAYS)) == []


def test_a_last_installment_beyond_six_years_is_refused():
    total = Money(30_000_000, VND)

    def errors(last):
        lines = build_schedule(total, 3, TODAY + timedelta(days=7), Frequency.MONTHLY)
        lines = (*lines[:-1], replace(lines[-1], due_on=last))
        plan = InstallmentPlan(total, lines, Frequency.MONTHLY)
        return _codes(validate_plan(plan, Money(90_000_000, VND), TODAY), "lines")
    assert errors(FAR) == ["date_beyond_horizon"]
    assert errors(TODAY + timedelta(days=PLAN_HORIZON_DAYS + 1)) == ["date_beyond_horizon"]
    assert errors(TODAY + timedelta(days=PLAN_HORIZON_DAYS)) == []


def test_a_post_dated_cheque_for_the_year_9999_is_refused():
    money = MoneyReceived(Money(1_000_000, VND), "post_dated_cheque", "CHQ-1", (), FAR)
    errors = validate_money_received(money, Money(5_000_000, VND), TODAY, {})
    assert _codes(errors, "cheque_date") == ["date_beyond_horizon"]


def test_a_draft_with_an_impossible_follow_up_is_refused_by_finalize_in_words(builder):
    cid = builder.customer("Công ty TNHH Đặng Hưng", contacts=[("Nguyễn Thị Hường", "0912")])
    builder.invoice(cid, "HD-1", date(2026, 8, 1), 20_000_000)
    builder.save()
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    visits = Visits(builder.store, settings, Clock(datetime(2026, 11, 22, 9, 30, tzinfo=VN)))
    answers = {"objective": "Thu nợ", "materials": ["contract", "invoices"],
               "deliveries_match": "yes", "balances_reviewed": True,
               "met_contact": "Nguyễn Thị Hường", "purpose_stated": True,
               "position_reason": "cash_flow", "reminder_days": 2, "follow_up_on": "2026-02-30"}
    sig = Signature("Nguyễn Thị Hường", "Kế toán trưởng", INK, 400, 150)
    mine = Signature("Trần Minh Khoa", "Collector", INK, 400, 150)
    visit = replace(visits.start(cid), answers=answers,
                    outcomes=(Refusal("không có tiền", NextStep.REVISIT),),
                    customer_signature=sig, collector_signature=mine)
    with pytest.raises(VisitIncomplete) as refused:  # was a ValueError out of finalize
        visits.finalize(visit, make_documents=False)
    step = next(s.id for s in checklist("visit").steps
                if any(i.id == "follow_up_on" for i in s.items))
    assert step in refused.value.params["steps"]
    assert visits.check_step(step, visit)[0].code == "date_invalid"
    assert visits.load(visit.uuid).answers["follow_up_on"] == "2026-02-30"  # kept as a draft


@pytest.mark.parametrize("day", ["9999-12-31", "1970-01-01", "2100-01-01"])
def test_today_far_off_is_refused_on_the_command_line_with_the_range(day, capsys):
    with pytest.raises(SystemExit) as refused:
        cli.build_parser().parse_args(["--today", day])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert f"{day} is too far off: give a day from 2000-01-01 to 2099-12-31" in err


def test_today_within_range_is_taken():
    assert cli.build_parser().parse_args(["--today", "2026-11-22"]).today == TODAY
    assert cli.build_parser().parse_args(["demo-data", "--today", "2099-12-31"]).today \
        == date(2099, 12, 31)
