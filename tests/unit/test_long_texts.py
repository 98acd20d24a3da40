"""Long texts typed on site: they flow across pages of a signed record, within stated limits."""

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest

from fieldapp.documents import sample, visit_record
from fieldapp.domain.money import Money
from fieldapp.domain.text_limits import LONG_TEXT, SHORT_TEXT
from fieldapp.domain.visit import Absence, Dispute, DisputeReason, NextStep, Refusal
from fieldapp.services.documents import DocumentKind
from fieldapp.services.finalize import VisitIncomplete
from fieldapp.services.portfolio import Portfolio
from tests.conftest import VN
from tests.unit.test_documents_service import complete, money_and_plan, world  # noqa: F401

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
FILLER = {"vi": " khách hàng trình bày rằng lô hàng tháng chín bị ướt một phần.",
          "zh_TW": "客戶表示九月的貨物有部分受潮，要求換貨。"}


def long_text(tag: str, length: int, language: str) -> str:
    """``length`` characters of numbered sentences, so the PDF can be checked for every one."""
    parts, n, size = [], 0, 0
    while size < length:
        n += 1
        piece = f"{tag}{n:04d}{FILLER[language]}\n" if n % 7 == 0 else f"{tag}{n:04d}{FILLER[language]} "
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:length]


def markers(text: str, tag: str) -> list[str]:
    return re.findall(rf"{tag}\d{{4}}", text)


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def pages(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def assert_whole(text: str, pdf_plain: str, tag: str) -> None:
    """Every numbered sentence of ``text`` is in the PDF, in order."""
    wanted = markers(text, tag)
    found = markers(pdf_plain, tag)
    assert wanted and found == wanted, f"{tag}: {len(found)} of {len(wanted)} sentences printed"


def pdfsig_valid(pdf: bytes, tmp_path) -> bool:
    if shutil.which("pdfsig") is None:
        pytest.skip("poppler-utils missing")
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    return "Signature is Valid." in done.stdout and "Total document signed" in done.stdout


@pytest.mark.parametrize("language, length", [("vi", 4_600), ("zh_TW", 4_600), ("vi", LONG_TEXT)])
def test_long_texts_in_every_field_finalize_into_a_whole_multi_page_record(world, tmp_path,
                                                                          language, length):
    visits, documents, ids, _clock, _home = world
    cid = ids[language]
    texts = {tag: long_text(tag, length, language)
             for tag in ("OBJ", "DIS", "POS", "DSC", "PRO", "REF", "CLA", "SUP")}
    invoices = Portfolio(visits._store, lambda: NOW.date()).open_customer(cid).invoices
    cash, plan = money_and_plan(visits._store, cid)
    # The plan covers what the dispute leaves: the second invoice is disputed.
    rest = Money(invoices[0].open_balance.minor - cash.amount.minor, plan.total.currency)
    plan = replace(plan, total=rest, default_clause=texts["CLA"], invoice_ids=(invoices[0].id,),
                   lines=tuple(replace(line, amount=Money(a, rest.currency)) for line, a in
                               zip(plan.lines, _split(rest.minor, len(plan.lines)))))
    dispute = Dispute(DisputeReason.DAMAGED, (invoices[1].id,), texts["DSC"], texts["PRO"], NOW)
    refusal = Refusal(texts["REF"], NextStep.SUPERVISOR_CALL)
    visit = complete(visits.start(cid), "Nguyễn Thị Hường", cash, plan, dispute, refusal)
    visit = replace(visit, answers={**visit.answers, "objective": texts["OBJ"],
                                    "deliveries_match": "no", "discrepancies": texts["DIS"],
                                    "position_notes": texts["POS"],
                                    "supervisor_note": texts["SUP"]})
    final, _ = visits.finalize(visit)
    docs = {d.kind: d for d in documents.of_visit(final.uuid)}
    assert set(docs) == {DocumentKind.VISIT_RECORD, DocumentKind.AGREEMENT, DocumentKind.RECEIPT}
    assert documents.pending() == []
    record = documents.pdf(docs[DocumentKind.VISIT_RECORD].id)
    assert pages(record, tmp_path) > 2
    plain = pdf_text(record, tmp_path)
    for tag in ("OBJ", "DIS", "POS", "DSC", "PRO", "REF", "CLA"):
        assert_whole(texts[tag], plain, tag)
    assert "SUP0001" not in plain  # the note to the supervisor is not the customer's to read
    assert pdfsig_valid(record, tmp_path)
    agreement = documents.pdf(docs[DocumentKind.AGREEMENT].id)
    assert_whole(texts["CLA"], pdf_text(agreement, tmp_path), "CLA")
    assert pdfsig_valid(agreement, tmp_path)


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if n < total % parts else 0) for n in range(parts)]


def test_an_absence_note_of_the_longest_length_flows_across_pages(tmp_path):
    rec = sample.record("zh_TW")
    note = long_text("ABS", LONG_TEXT, "zh_TW")
    rec = replace(rec, visit=replace(rec.visit, outcomes=(Absence(note, date(2026, 11, 29)),)))
    pdf = visit_record.build(rec)
    assert pages(pdf, tmp_path) > 3
    assert_whole(note, pdf_text(pdf, tmp_path), "ABS")


def test_a_text_over_its_limit_is_refused_by_field_with_a_code(world):
    visits, documents, ids, _clock, _home = world
    cid = ids["vi"]
    invoices = Portfolio(visits._store, lambda: NOW.date()).open_customer(cid).invoices
    dispute = Dispute(DisputeReason.DAMAGED, (invoices[1].id,), "x" * (LONG_TEXT + 1), "", NOW)
    visit = complete(visits.start(cid), "Nguyễn Thị Hường", dispute)
    visit = replace(visit, answers={**visit.answers, "objective": "y" * (LONG_TEXT + 1),
                                    "met_role": "z" * (SHORT_TEXT + 1)})
    with pytest.raises(VisitIncomplete) as raised:
        visits.finalize(visit)
    found = {(step, e.field, e.code, e.params.get("max"))
             for step, errors in raised.value.errors.items() for e in errors}
    assert ("plan", "objective", "too_long", LONG_TEXT) in found
    assert ("meet", "met_role", "too_long", SHORT_TEXT) in found
    assert ("resolve", "outcomes.0.description", "too_long", LONG_TEXT) in found
    assert documents.pending() == []  # nothing was finalized
    at_limit = replace(visit, answers={**visit.answers, "objective": "y" * LONG_TEXT,
                                       "met_role": "z" * SHORT_TEXT},
                       outcomes=(replace(dispute, description="x" * LONG_TEXT),))
    final, _ = visits.finalize(at_limit)
    assert {d.kind for d in documents.of_visit(final.uuid)} == {DocumentKind.VISIT_RECORD}


def test_a_signer_title_too_long_is_said_under_the_signer():
    from fieldapp.domain.text_limits import signature_errors
    from fieldapp.domain.visit import Signature

    sig = Signature("Nguyễn Thị Hường", "t" * (SHORT_TEXT + 1), ((((0.0, 0.0), (9.0, 9.0)),)), 400, 150)
    errors = signature_errors(sig, "customer_signature")
    assert [(e.field, e.code) for e in errors] == [("customer_signature_name", "too_long")]
    assert signature_errors(None, "customer_signature") == []
