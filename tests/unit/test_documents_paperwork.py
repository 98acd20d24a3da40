"""What collectors hand over, read back from the PDFs: the receipt's amount in words, the statement's
disputed invoices and aging, the customer's address said once; signed copies still validate."""

import shutil
import subprocess
from dataclasses import replace

import pytest

from fieldapp.documents import agreement, receipt, sample, signing, statement, visit_record
from fieldapp.documents.keys import LocalDevelopmentCA
from fieldapp.documents.model import Signing
from fieldapp.domain.aging import age_balances
from fieldapp.domain.money import Money
from fieldapp.domain.visit import InstallmentPlan, MoneyReceived

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
SIGNING = Signing("Trần Minh Khoa", True)


def text_of(pdf: bytes, tmp_path, name="doc.pdf", mode="-layout") -> str:
    """The text as pdftotext reads it: ``-layout`` keeps table rows on one line, ``-raw`` keeps
    the drawing order, so a wrapped paragraph beside another column stays in one piece."""
    path = tmp_path / name
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with line breaks and spaces taken out (CJK wraps anywhere, Latin at spaces)."""
    return "".join(text.split())


def receipt_for(lang: str, amount: Money):
    rec = sample.record(lang)
    money = next(o for o in rec.visit.outcomes if isinstance(o, MoneyReceived))
    return rec, replace(money, amount=amount, allocations=())


@needs_poppler
@pytest.mark.parametrize("lang, amount, words", [
    ("vi", Money(1_250_000, "VND"), "Bằng chữ: Một triệu hai trăm năm mươi nghìn đồng"),
    ("vi", Money(21_105_000, "VND"), "Bằng chữ: Hai mươi mốt triệu một trăm lẻ năm nghìn đồng"),
    ("zh_TW", Money(1_234_500, "TWD"), "金額大寫:新臺幣壹萬貳仟參佰肆拾伍元整"),
    ("zh_CN", Money(168_032, "CNY"), "金额大写:人民币壹仟陆佰捌拾元零叁角贰分"),
    ("en", Money(50_025, "USD"), "In words: Five hundred US dollars and twenty-five cents"),
])
def test_the_receipt_writes_the_amount_in_words(tmp_path, lang, amount, words):
    rec, money = receipt_for(lang, amount)
    text = text_of(receipt.build(rec, money), tmp_path)
    if lang.startswith("zh"):
        assert words in flat(text)
    else:
        assert words in " ".join(text.split())


def disputed_file(lang: str):
    """The sample customer's file with its third invoice disputed."""
    file = sample.customer_file(lang)
    invoices = list(file.invoices)
    invoices[2] = replace(invoices[2], disputed=True)
    return replace(file, invoices=tuple(invoices)), invoices[2]


@needs_poppler
@pytest.mark.parametrize("lang, legend, under_dispute", [
    ("vi", "* Hóa đơn đang khiếu nại", "Số tiền đang khiếu nại: VND 26.000.000."),
    ("zh_TW", "*爭議中的發票", "爭議金額：TWD 26,000.00。"),
    ("zh_CN", "*争议中的发票", "争议金额：CNY 26,000.00。"),
    ("en", "* Invoice under dispute", "Under dispute: USD 2,600.00."),
])
def test_the_statement_marks_disputed_invoices_and_explains_the_mark(tmp_path, lang, legend,
                                                                      under_dispute):
    file, disputed = disputed_file(lang)
    pdf = statement.build(statement.StatementInput(file, sample.COMPANY, SIGNING, "Trần Minh Khoa"))
    text = text_of(pdf, tmp_path)
    marked = [line for line in text.splitlines() if "HD-2026-" in line]
    assert [line for line in marked if f"{disputed.number} *" in line]
    assert len([line for line in marked if " *" in line]) == 1
    raw = flat(text_of(pdf, tmp_path, "raw.pdf", "-raw"))
    assert flat(legend) in raw and flat(under_dispute) in raw


@needs_poppler
def test_a_statement_without_disputes_has_no_mark_or_legend(tmp_path):
    pdf = statement.build(statement.StatementInput(sample.customer_file("vi"), sample.COMPANY,
                                                   SIGNING, "Trần Minh Khoa"))
    text = text_of(pdf, tmp_path)
    assert "*" not in text and "khiếu nại" not in text


@needs_poppler
def test_the_statement_ages_the_balance_per_currency_by_due_date(tmp_path):
    file = sample.customer_file("zh_TW")
    usd = replace(file.invoices[0], id=999, number="HD-USD-1", amount=Money(50_000, "USD"),
                  open_balance=Money(50_000, "USD"), due_on=file.as_of)
    invoices = (*file.invoices, usd)
    aging = tuple(age_balances(((i.due_on, i.open_balance) for i in invoices), file.as_of))
    file = replace(file, invoices=invoices, aging=aging)
    text = text_of(statement.build(statement.StatementInput(file, sample.COMPANY, SIGNING, "x")),
                   tmp_path)
    section = text[text.index("帳齡分析"):]
    assert "依到期日計算" in section
    for bucket in ("未到期", "1–30 天", "31–60 天", "61–90 天", "90 天以上"):
        assert bucket in section
    rows = {line.split()[0]: line.split()[1:] for line in section.splitlines()
            if line.strip().startswith(("TWD", "USD"))}
    # USD due today is current; TWD: as in domain.aging, per bucket, the last column the total.
    assert rows["USD"] == ["500.00", "0.00", "0.00", "0.00", "0.00", "500.00"]
    twd = next(a for a in aging if a.currency == "TWD")
    assert rows["TWD"][-1] == f"{twd.total.minor / 100:,.2f}"


@needs_poppler
@pytest.mark.parametrize("lang", ["vi", "zh_TW"])
def test_an_address_that_already_names_district_and_city_is_printed_once(tmp_path, lang):
    rec = sample.record(lang)
    full = {"vi": "45 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            "zh_TW": "106台北市大安區忠孝東路四段19巷205號"}[lang]
    district, province = {"vi": ("Quận 1", "TP. Hồ Chí Minh"), "zh_TW": ("大安區", "臺北市")}[lang]
    customer = replace(rec.customer, address=full, district=district, province=province,
                       country="VN" if lang == "vi" else "TW")
    rec = replace(rec, customer=customer)
    plan = next(o for o in rec.visit.outcomes if isinstance(o, InstallmentPlan))
    money = next(o for o in rec.visit.outcomes if isinstance(o, MoneyReceived))
    file = replace(sample.customer_file(lang), customer=customer)
    docs = {"record": visit_record.build(rec), "agreement": agreement.build(rec, plan),
            "receipt": receipt.build(rec, money),
            "statement": statement.build(statement.StatementInput(file, sample.COMPANY, SIGNING,
                                                                  "x"))}
    for kind, pdf in docs.items():
        text = flat(text_of(pdf, tmp_path, f"{kind}.pdf", "-raw"))
        assert flat(full) in text, kind
        # As it was printed: the whole address, then its district and city again.
        assert flat(f"{full}, {district}") not in text, kind
        assert flat(full) + "," not in text, kind


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils missing")
def test_signed_receipt_and_statement_still_validate_in_pdfsig(tmp_path):
    keys = LocalDevelopmentCA(tmp_path / "keys", "a1b2c3d4-0000-4000-8000-000000000001",
                              lambda: "Trần Minh Khoa")
    rec, money = receipt_for("zh_TW", Money(1_234_500, "TWD"))
    file, _ = disputed_file("vi")
    for name, pdf in (("receipt", receipt.build(rec, money)),
                      ("statement", statement.build(statement.StatementInput(
                          file, sample.COMPANY, SIGNING, "x")))):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(signing.sign(pdf, keys, "test"))
        out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
        assert "Signature is Valid." in out.stdout, name
        assert "Total document signed" in out.stdout, name
