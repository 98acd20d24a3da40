"""A typical finalized visit in each document language, for the benchmark, tests and screenshots."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from ..domain.checklist import Checklist, parse
from ..domain.codec import sha256_of, visit_to_dict
from ..domain.enums import BusinessStatus, Language
from ..domain.ids import legacy_payment_id
from ..domain.installments import Frequency, build_schedule
from ..domain.money import Money
from ..domain.aging import age_balances
from ..domain.enums import PaymentMethod
from ..domain.records import Allocation, Contact, Customer, CustomerFile, Invoice, Payment
from ..domain.visit import (Absence, Dispute, DisputeReason, InstallmentPlan, MoneyReceived,
                            NextStep, Promise, Refusal, Signature, Visit, VisitKind, VisitStatus)
from ..paths import resource_dir
from .model import Company, RecordInput, Revision, Signing, record_number

WHEN = datetime(2026, 11, 22, 9, 30, tzinfo=timezone(timedelta(hours=7)))  # in Hồ Chí Minh City
COMPANY = Company("Công ty TNHH Thương mại Ánh Dương", "123 Nguyễn Trãi, Quận 1, TP. Hồ Chí Minh",
                  "0312345678", "028 3925 1234")
# name, contact, role, currency, unit (one minor-unit step of a typical invoice)
_PEOPLE = {
    "vi": ("Công ty TNHH Đặng Hưng Phát", "Nguyễn Thị Hường", "Kế toán trưởng", "VND", 1_000_000),
    "zh_TW": ("永豐五金行有限公司", "林美玲", "財務經理", "TWD", 100_000),
    "zh_CN": ("杭州华联贸易有限公司", "王建国", "财务总监", "CNY", 100_000),
    "en": ("Riverside Trading Pte. Ltd.", "Sarah O'Neill & Co.", "Finance manager", "USD", 10_000),
}


def flourish(name: str, title: str, seed: int = 1) -> Signature:
    """Two wavy strokes and a dot: enough ink to look like a signature."""
    strokes = [tuple((20 + x * 6.0 + k * 40, 70 + (14 + 5 * k) * math.sin(seed + k + x / 3) + k * 10)
                     for x in range(40)) for k in range(2)]
    return Signature(name, title, tuple(strokes) + (((262.0, 52.0),),), 400, 150)


def customer(language: str) -> Customer:
    name, *_ = _PEOPLE[language]
    return Customer(7, "KH000007", name, "0301234567", "0912 345 678", "45 Lê Lợi",
                    "Quận 1", "TP. Hồ Chí Minh", "VN", BusinessStatus.ACTIVE, "", "", "",
                    date(2019, 3, 1), Money(0, _PEOPLE[language][3]), Language(language))


def invoices(language: str) -> tuple[Invoice, ...]:
    *_, currency, unit = _PEOPLE[language]
    result = []
    for n in range(5):
        due = date(2026, 6, 15) + timedelta(days=37 * n)
        amount = Money(unit * (12 + 7 * n), currency)
        result.append(Invoice(100 + n, 7, None, f"HD-2026-{n + 41:04d}", due - timedelta(days=30),
                              due, amount, amount, False))
    return tuple(result)


def visit(language: str, outcomes: str = "typical") -> Visit:
    """A final visit: money taken and a plan ('typical'), or every outcome kind ('all')."""
    _, contact, role, currency, unit = _PEOPLE[language]
    inv = invoices(language)
    paid = Money(unit * 5, currency)
    rest = Money(sum(i.open_balance.minor for i in inv) - paid.minor, currency)
    plan = InstallmentPlan(rest, build_schedule(rest, 4, date(2026, 12, 5), Frequency.MONTHLY,
                                                Money(unit * 3, currency), WHEN.date()),
                           Frequency.MONTHLY, 2.0, date(2027, 1, 31), "", tuple(i.id for i in inv))
    found = [MoneyReceived(paid, "cash", "", (Allocation(inv[0].id, inv[0].number, paid),),
                           receipt_no="A1B2C3D4-000042"), plan]
    if outcomes == "all":
        found += [Promise(Money(unit * 2, currency), date(2026, 11, 28), contact, (inv[1].id,)),
                  Dispute(DisputeReason.DAMAGED, (inv[2].id,), "Một phần lô hàng bị ướt / 部分貨物受潮",
                          "Đổi hàng / 換貨", WHEN),
                  Refusal("HD-2026-0045: chưa nhận đủ hàng", NextStep.SUPERVISOR_CALL),
                  Absence("Kế toán nghỉ phép", date(2026, 11, 29))]
    answers = {"objective": "Thu hồi công nợ quá hạn", "materials": ["contract", "invoices"],
               "deliveries_match": "yes", "balances_reviewed": True, "met_contact": contact,
               "met_role": role, "authority_to_pay": True, "purpose_stated": True,
               "position_reason": "cash_flow", "follow_up_on": "2026-12-05", "reminder_days": 1,
               "position_notes": {"vi": "Doanh thu tháng này giảm, xin trả góp phần còn lại.",
                                  "zh_TW": "本月營收下滑，希望剩餘款項分期支付。",
                                  "zh_CN": "本月营收下滑，希望剩余款项分期支付。",
                                  "en": "Sales fell this month; asks to pay the rest in installments."}[language]}
    return Visit("3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", 7, VisitKind.VISIT, WHEN,
                 "Trần Minh Khoa", "a1b2c3d4-0000-4000-8000-000000000001", answers, tuple(found),
                 flourish(contact, role, 2), flourish("Trần Minh Khoa", "Nhân viên thu hồi nợ", 5),
                 VisitStatus.FINAL, WHEN + timedelta(minutes=42))


@lru_cache(maxsize=1)
def visit_checklist() -> Checklist:
    """The shipped visit checklist (documents sit below services, so they read it themselves)."""
    folder = resource_dir() / "checklists"
    library = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    return parse(library["visit"], library)


def record(language: str = "vi", outcomes: str = "typical", amended: bool = False,
           development: bool = True) -> RecordInput:
    """The RecordInput of :func:`visit`; ``amended`` makes it the second revision of a record."""
    v = visit(language, outcomes)
    history = ()
    if amended:
        history = (Revision("0b1c2d3e-0000-4000-8000-00000000000a", WHEN - timedelta(days=1)),)
        v = replace(v, amends=history[0].visit_uuid, amend_reason="Sửa ngày trả kỳ đầu / 更正首期日期")
    return RecordInput(v, customer(language), COMPANY, record_number(v), sha256_of(visit_to_dict(v)),
                       invoices(language), visit_checklist(), Signing("Trần Minh Khoa", development),
                       history, "Nhân viên thu hồi nợ")


def customer_file(language: str = "vi") -> CustomerFile:
    """The sample customer's file as of the visit day, with two payments."""
    inv = list(invoices(language))
    currency = inv[0].amount.currency
    paid = Money(inv[0].amount.minor // 2, currency)
    inv[0] = replace(inv[0], open_balance=inv[0].amount - paid)
    payments = (Payment(legacy_payment_id(1), 7, date(2026, 10, 2), paid, PaymentMethod.TRANSFER, "UNC 0210-7",
                        (Allocation(inv[0].id, inv[0].number, paid),)),
                Payment(legacy_payment_id(2), 7, date(2026, 3, 1), Money(paid.minor // 2, currency), PaymentMethod.CASH,
                        "", ()))
    contact = Contact(1, 7, _PEOPLE[language][1], _PEOPLE[language][2], "0912", "", True, "")
    aging = age_balances(((i.due_on, i.open_balance) for i in inv), WHEN.date())
    return CustomerFile(WHEN.date(), customer(language), (contact,), (), tuple(inv), (), payments,
                        tuple(aging))
