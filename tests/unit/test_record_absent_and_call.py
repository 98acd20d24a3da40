"""The visit record of an absent customer and of a phone call, read back with pdftotext."""

import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from fieldapp.documents import sample, visit_record
from fieldapp.domain.visit import Absence, Promise, VisitKind
from fieldapp.services.checklists import checklist

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
LANGUAGES = ("en", "vi", "zh_TW", "zh_CN")
ABSENT = {"en": "Customer absent / premises closed", "vi": "Không gặp khách hàng",
          "zh_TW": "客戶不在", "zh_CN": "客户不在"}
CUSTOMER_BOX = {"en": "Customer representative", "vi": "Đại diện khách hàng", "zh_TW": "客戶代表",
                "zh_CN": "客户代表"}


def flat_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "record.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


def absent_record(lang: str):
    rec = sample.record(lang)
    answers = {k: v for k, v in rec.visit.answers.items()
               if k not in ("met_contact", "met_role", "authority_to_pay", "purpose_stated",
                            "position_reason", "position_notes")}
    # Typed before the door was found closed: what does not apply is not printed.
    answers |= {"customer_absent": True, "position_notes": "Khách hàng nói sẽ trả"}
    visit = replace(rec.visit, answers=answers, customer_signature=None,
                    outcomes=(Absence("Cửa hàng đóng cửa, bảo vệ nói chủ đi vắng",
                                      date(2026, 11, 25), ("photo-1",)),))
    return replace(rec, visit=visit)


@needs_poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_absent_record_says_so_and_asks_no_customer_signature(lang, tmp_path):
    rec = absent_record(lang)
    text = flat_text(visit_record.build(rec), tmp_path)
    assert "".join(ABSENT[lang].split()) in text
    assert "Cửahàngđóngcửa" in text  # the note
    assert "".join(CUSTOMER_BOX[lang].split()) not in text  # no customer signature box
    assert "Kháchhàngnóisẽtrả" not in text  # Listen does not apply when nobody was met
    normal = flat_text(visit_record.build(sample.record(lang)), tmp_path)
    assert "".join(CUSTOMER_BOX[lang].split()) in normal
    assert "".join(ABSENT[lang].split()) not in normal


@needs_poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_call_record_says_call_and_person_spoken_to(lang, tmp_path):
    rec = sample.record(lang)
    answers = {k: v for k, v in rec.visit.answers.items() if k != "purpose_stated"}
    visit = replace(rec.visit, kind=VisitKind.CALL, answers=answers, customer_signature=None,
                    collector_signature=None,
                    outcomes=tuple(o for o in rec.visit.outcomes if isinstance(o, Promise)))
    text = flat_text(visit_record.build(replace(rec, visit=visit, checklist=checklist("call"))),
                     tmp_path)
    spoken = {"en": "Person spoken to", "vi": "Người nghe máy", "zh_TW": "通話對象",
              "zh_CN": "通话对象"}[lang]
    call = {"en": "CALL RECORD", "vi": "BIÊN BẢN CUỘC GỌI", "zh_TW": "催收電話記錄",
            "zh_CN": "催收电话记录"}[lang]
    met = {"en": "Person met", "vi": "Người làm việc", "zh_TW": "會面對象", "zh_CN": "会面对象"}[lang]
    assert "".join(spoken.split()) in text and "".join(call.split()) in text
    assert "".join(met.split()) not in text
    purpose = {"en": "Purpose of the visit", "vi": "mục đích buổi làm việc", "zh_TW": "來訪目的",
               "zh_CN": "来访目的"}[lang]
    assert "".join(purpose.split()) not in text
    assert "".join(CUSTOMER_BOX[lang].split()) not in text
