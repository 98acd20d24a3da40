"""The review summary reads in the customer's language, with Babel-formatted money and dates."""

from datetime import date, datetime

from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.visit import (Dispute, DisputeReason, InstallmentPlan, Promise, Visit,
                                   VisitKind)
from fieldapp.services.checklists import checklist
from fieldapp.i18n.summary import default_clause, visit_summary

from tests.conftest import VN


def visit():
    lines = build_schedule(Money(9_000_000, "VND"), 3, date(2026, 12, 1), Frequency.MONTHLY)
    return Visit("u", 1, VisitKind.VISIT, datetime(2026, 11, 22, 9, tzinfo=VN), "Khoa", "d",
                 {"objective": "Thu nợ", "materials": ["contract", "statement"], "purpose_stated": True,
                  "position_reason": "cash_flow"},
                 (Promise(Money(5_000_000, "VND"), date(2026, 11, 30), "Chị Hường"),
                  InstallmentPlan(Money(9_000_000, "VND"), lines, Frequency.MONTHLY,
                                  default_clause=default_clause("vi")),
                  Dispute(DisputeReason.DAMAGED, (7,), "Móp méo", "Đổi hàng", datetime(2026, 11, 22, 9, tzinfo=VN))))


def test_vietnamese_summary():
    sections = visit_summary(visit(), checklist("visit"), "vi", {7: "HD-0007"})
    titles = [s.title for s in sections]
    assert titles == ["Lập kế hoạch", "Gặp gỡ", "Lắng nghe", "Cam kết thanh toán", "Kế hoạch trả góp", "Khiếu nại"]
    plan_rows = dict(sections[0].rows)
    assert plan_rows["Tài liệu mang theo"] == "Hợp đồng, Bảng đối chiếu công nợ"
    assert dict(sections[2].rows)["Quan điểm của khách hàng"] == "Khó khăn dòng tiền"
    promise = dict(sections[3].rows)
    assert promise == {"Số tiền": "VND\xa05.000.000", "Ngày thanh toán": "30 thg 11, 2026",
                       "Người cam kết": "Chị Hường"}
    plan = dict(sections[4].rows)
    assert plan["Kỳ 3"] == "1 thg 2, 2027 — VND\xa03.000.000"
    assert plan["Điều khoản vi phạm"].startswith("Nếu bất kỳ kỳ thanh toán nào chậm quá 15 ngày")
    assert dict(sections[5].rows)["Hóa đơn"] == "HD-0007"


def test_traditional_chinese_summary_uses_iso_codes():
    sections = visit_summary(visit(), checklist("visit"), "zh_TW", {7: "HD-0007"})
    assert sections[3].title == "付款承諾"
    assert dict(sections[3].rows)["金額"] == "VND\xa05,000,000"
    assert dict(sections[5].rows)["原因"] == "貨物損壞"


def test_typed_answers_are_formatted_and_internal_ones_left_out():
    from dataclasses import replace
    v = replace(visit(), answers={"objective": "Thu nợ", "target_amount": {"minor": 50_000_000, "currency": "VND"},
                                  "appointment": "2026-11-23T09:00", "follow_up_on": "2026-12-01",
                                  "supervisor_note": "Khách khó tính", "reminder_days": 2})
    rows = {k: v for s in visit_summary(v, checklist("visit"), "vi", {}) for k, v in s.rows}
    assert rows["Lịch hẹn (ngày giờ)"] == "09:00 23/11/26"
    assert rows["Ngày theo dõi tiếp"] == "1 thg 12, 2026"
    assert "Số tiền dự kiến thu" not in rows and "Ghi chú cho cấp trên" not in rows
    assert not any("minor" in value for value in rows.values())


def test_call_prepare_step_has_its_own_hint():
    prepare = checklist("call").step("prepare")
    assert "Before dialling" in prepare.hint["en"] and [i.id for i in prepare.items] == [
        "balances_reviewed", "late_reason", "promises_reviewed"]
