"""Documents as printed: text round-trips through pdftotext in every language, tables, strokes, QR."""

import ast
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from fieldapp.documents import agreement, fonts, parts, receipt, sample, statement, visit_record
from fieldapp.documents.model import Signing, parse_payload, qr_payload
from fieldapp.domain.visit import InstallmentPlan, MoneyReceived
from fieldapp.i18n.formatting import format_money

LANGUAGES = ("vi", "zh_TW", "zh_CN", "en")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def pdf_text(pdf: bytes, tmp_path, name="doc.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def outcome(rec, kind):
    return next(o for o in rec.visit.outcomes if isinstance(o, kind))


def all_documents(lang):
    rec = sample.record(lang, "all")
    plan = outcome(rec, InstallmentPlan)
    st = statement.StatementInput(sample.customer_file(lang), sample.COMPANY,
                                  Signing("Trần Minh Khoa", True), "Trần Minh Khoa")
    return rec, {"record": visit_record.build(rec), "agreement": agreement.build(rec, plan),
                 "receipt": receipt.build(rec, outcome(rec, MoneyReceived)),
                 "statement": statement.build(st)}


# What each language must show intact: names, its own script, its money and dates.
EXPECTED = {
    "vi": ["Công ty TNHH Đặng Hưng Phát", "Nguyễn Thị Hường", "BIÊN BẢN LÀM VIỆC THU HỒI CÔNG NỢ",
           "Doanh thu tháng này giảm, xin trả góp phần còn lại.", "VND 5.000.000", "22 thg 11, 2026",
           "Từ chối thanh toán", "Cấp trên gọi điện cho khách hàng", "Ngày quay lại"],
    "zh_TW": ["永豐五金行有限公司", "林美玲", "催收拜訪記錄", "本月營收下滑，希望剩餘款項分期支付。",
              "TWD 5,000.00", "2026年11月22日"],
    "zh_CN": ["杭州华联贸易有限公司", "王建国", "催收拜访记录", "本月营收下滑，希望剩余款项分期支付。",
              "CNY 5,000.00", "2026年11月22日"],
    "en": ["Riverside Trading Pte. Ltd.", "Sarah O'Neill & Co.", "VISIT RECORD",
           "Sales fell this month; asks to pay the rest in installments.", "USD 500.00", "Nov 22, 2026"],
}


@needs_poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_document_reads_back_intact_in_the_customers_language(lang, tmp_path):
    rec, docs = all_documents(lang)
    texts = {kind: pdf_text(pdf, tmp_path, f"{kind}.pdf") for kind, pdf in docs.items()}
    for expected in EXPECTED[lang]:
        assert expected in texts["record"], expected
    assert rec.customer.name in texts["agreement"] and rec.customer.name in texts["statement"]
    assert "A1B2C3D4-000042" in texts["receipt"] and EXPECTED[lang][4] in texts["receipt"]
    assert "Một phần lô hàng bị ướt / 部分貨物受潮" in texts["record"]  # mixed scripts in one run
    assert rec.visit.uuid in texts["record"] and rec.sha256[:32] in texts["record"]


@needs_poppler
def test_page_numbers_and_the_development_marking_are_on_every_page(tmp_path):
    rec = sample.record("vi", "all", amended=True)
    text = pdf_text(visit_record.build(rec), tmp_path)
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert f"Trang {n}/{len(pages)}" in page
        assert "Chứng thư THỬ NGHIỆM" in page


@needs_poppler
def test_amendment_shows_its_revision_and_history(tmp_path):
    rec = sample.record("vi", amended=True)
    text = " ".join(pdf_text(visit_record.build(rec), tmp_path).split())
    assert f"{rec.record_no}/2" in text and "Phiên bản 2" in text
    assert "Lịch sử sửa đổi" in text and "Biên bản gốc" in text
    assert "Sửa ngày trả kỳ đầu" in text


@needs_poppler
def test_decomposed_vietnamese_is_printed_composed(tmp_path):
    rec = sample.record("vi")
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    customer = replace(rec.customer, name=unicodedata.normalize("NFD", "Đặng Hưng Phát"))
    rec = replace(rec, customer=customer, visit=replace(
        rec.visit, answers={**rec.visit.answers, "met_contact": nfd}))
    text = pdf_text(visit_record.build(rec), tmp_path)
    assert "Đặng Hưng Phát" in text and "Nguyễn Thị Hường" in text
    assert nfd not in text


def test_the_agreement_schedule_sums_to_the_agreed_total():
    rec = sample.record("vi")
    plan = outcome(rec, InstallmentPlan)
    rows, total = parts.schedule_rows(plan, "vi")
    assert parts.lines_total(plan.lines, plan.total.currency) == plan.total
    assert len(rows) == len(plan.lines) and rows[0][3] == "Trả trước"  # the down payment
    assert total[2] == format_money(plan.total, "vi", iso_code=True) == "VND\xa0125.000.000"


@needs_poppler
def test_the_wet_agreement_leaves_the_boxes_for_ink(tmp_path):
    rec = sample.record("vi")
    plan = outcome(rec, InstallmentPlan)
    wet = " ".join(pdf_text(agreement.build(rec, plan, wet=True), tmp_path).split())
    assert wet.count("(Ký, ghi rõ họ tên, đóng dấu)") == 2
    assert "Điều 4. Vi phạm nghĩa vụ thanh toán" in wet and "VND 30.500.000" in wet


def _ink(pdf: bytes, tmp_path) -> int:
    """Dark pixels of the last page (where the signatures are), at 40 dpi in grey."""
    path = tmp_path / "ink.pdf"
    path.write_bytes(pdf)
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", "40", "-l", "9", str(path)],
                         capture_output=True, check=True).stdout
    last = pgm[pgm.rindex(b"P5"):]
    header_end = [i for i, b in enumerate(last) if b == 0x0A][2] + 1  # P5, size, maxval lines
    return sum(1 for b in last[header_end:] if b < 128)


@needs_poppler
def test_handwritten_strokes_are_drawn_in_the_page_content(tmp_path):
    rec = sample.record("en")
    bare = replace(rec, visit=replace(rec.visit, customer_signature=None, collector_signature=None))
    assert _ink(visit_record.build(rec), tmp_path) > _ink(visit_record.build(bare), tmp_path) + 30


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools missing")
def test_the_drawn_qr_code_decodes_to_the_record_id_and_hash(tmp_path):
    rec = sample.record("zh_TW")
    path = tmp_path / "record.pdf"
    path.write_bytes(visit_record.build(rec))
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(path), str(tmp_path / "page")], check=True)
    pngs = sorted(str(p) for p in tmp_path.glob("page*.png"))
    done = subprocess.run(["zbarimg", "-q", "--raw", *pngs], capture_output=True, text=True)
    assert done.stdout.strip() == rec.payload  # exactly one code in the document
    assert parse_payload(done.stdout) == (rec.visit.uuid, rec.sha256)


def test_payload_parsing_refuses_anything_else():
    sha = "ab" * 32
    good = qr_payload("3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", sha)
    assert parse_payload(good) == ("3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", sha)
    assert parse_payload(good + "0") is None and parse_payload("") is None
    assert parse_payload(good.replace("RECORD/1", "RECORD/2")) is None


def test_cjk_runs_switch_face_and_text_is_escaped():
    markup = fonts.markup("Số tiền <5> & 金額 Nguyễn")
    assert "&lt;5&gt; &amp; " in markup
    assert f'<font name="{fonts.CJK}">金額 </font>Nguyễn' in markup
    assert fonts.runs("ab 中文 cd") == [(False, "ab "), (True, "中文 "), (False, "cd")]


def test_documents_sit_below_services_and_store():
    """DESIGN §2: documents take domain records and i18n texts and return bytes."""
    package = Path(fonts.__file__).parent
    bad = []
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                name = ("." * node.level) + (node.module or "")
                if name.lstrip(".").split(".")[0] in ("services", "store", "ui", "PySide6") \
                        or name.startswith(("fieldapp.services", "fieldapp.store", "fieldapp.ui")):
                    bad.append(f"{module.name}: {name}")
            elif isinstance(node, ast.Import):
                bad += [f"{module.name}: {a.name}" for a in node.names if a.name.startswith(
                    ("fieldapp.services", "fieldapp.store", "fieldapp.ui", "PySide6"))]
    assert bad == []


def test_bench_figures_for_a_signed_record_and_the_bare_canvas(tmp_path):
    from fieldapp.documents import bench
    figures = bench.measure(tmp_path, rounds=1)
    assert set(figures) == {"pdf_visit_record_ms", "pdf_raw_ms"}
    assert 0 < figures["pdf_raw_ms"] < figures["pdf_visit_record_ms"]
