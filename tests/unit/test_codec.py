"""Visits survive the trip through canonical JSON unchanged; the hash is stable."""

from datetime import date, datetime

from fieldapp.domain.codec import canonical_json, sha256_of, visit_from_dict, visit_to_dict
from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import (Absence, Dispute, DisputeReason, InstallmentPlan,
                                   MoneyReceived, NextStep, Promise, Refusal, Signature, Visit,
                                   VisitKind)

from tests.conftest import VN


def sample_visit():
    lines = build_schedule(Money(9_000_000, "VND"), 3, date(2026, 12, 1), Frequency.MONTHLY,
                           Money(1_000_000, "VND"), date(2026, 11, 22))
    outcomes = (
        MoneyReceived(Money(2_000_000, "VND"), "cash", "", (Allocation(3, "HD-3", Money(2_000_000, "VND")),),
                      receipt_no="R-AB12-000001"),
        Promise(Money(5_000_000, "VND"), date(2026, 12, 5), "Chị Hường", (1, 2)),
        InstallmentPlan(Money(10_000_000, "VND"), lines, Frequency.MONTHLY, 2.0, date(2026, 12, 31),
                        "Chậm quá 15 ngày: toàn bộ số còn lại đến hạn ngay."),
        Dispute(DisputeReason.DAMAGED, (4,), "5 thùng móp méo", "Đổi hàng", datetime(2026, 11, 22, 9, 5, tzinfo=VN)),
        Refusal("Không đồng ý số nợ", NextStep.SUPERVISOR_CALL),
        Absence("Cửa hàng đóng cửa", date(2026, 11, 24), ("att-1",)),
    )
    sig = Signature("Nguyễn Văn Á", "Giám đốc", (((1.0, 2.0), (3.5, 4.0)),), 400, 150)
    return Visit("u-1", 7, VisitKind.VISIT, datetime(2026, 11, 22, 9, 0, tzinfo=VN), "Trần Minh Khoa", "dev-1",
                 {"objective": "Thu 10 triệu", "materials": ["contract", "invoices"]}, outcomes, sig, sig)


def test_round_trip_is_lossless():
    visit = sample_visit()
    assert visit_from_dict(visit_to_dict(visit)) == visit


def test_canonical_json_is_stable_and_keeps_vietnamese():
    data = visit_to_dict(sample_visit())
    text = canonical_json(data)
    assert "Chị Hường" in text and '": ' not in text and text.index('"amends"') < text.index('"uuid"')
    assert sha256_of(data) == sha256_of(visit_to_dict(sample_visit()))
    assert sha256_of(data) != sha256_of({**data, "collector": "x"})


def test_stored_text_is_nfc_even_when_typed_decomposed():
    from dataclasses import replace
    import unicodedata
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    visit = replace(sample_visit(), answers={"position_notes": decomposed}, collector=decomposed)
    data = visit_to_dict(visit)
    assert data["answers"]["position_notes"] == data["collector"] == "Nguyễn Thị Hường"
    assert visit_from_dict(data).collector == unicodedata.normalize("NFC", decomposed)
