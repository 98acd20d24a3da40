"""Encodings of real exports: UTF-8 with and without BOM, cp1258, cp950, big5hkscs, gb18030."""

import unicodedata

import pytest

from fieldapp.importers import Import
from fieldapp.importers.decoding import looks_vietnamese

VI = "Mã khách hàng,Tên khách hàng\nKH01,Công ty TNHH Thương mại Đông Á – Sổ chi tiết công nợ phải thu\n"
TW = "客戶代號,客戶簡稱\nC01,鼎新碁恒銹裏公司\n"   # 碁恒銹裏 are cp950, not big5
HK = "客戶代號,客戶簡稱\nC02,堃喆犇貿易\n"         # only in big5hkscs
CN = "客户编码,客户名称\nK01,北京金蝶软件有限公司\n"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letter, then the tone as a mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(m for m in parts if m in TONES)
            base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in TONES))
            out += (base + tone).encode("cp1258")
    return out


def names(data: bytes, preset=None):
    reading = Import(data)
    text = [r for r in reading.records()]
    return reading, text


@pytest.mark.parametrize(("data", "encoding", "expected"), [
    (VI.encode("utf-8"), "utf-8-sig", VI),
    (b"\xef\xbb\xbf" + VI.encode("utf-8"), "utf-8-sig", VI),
    (cp1258(VI), "cp1258", VI),
    (TW.encode("cp950"), "cp950", TW),
    (HK.encode("big5hkscs"), "big5hkscs", HK),
    (CN.encode("gb18030"), "gb18030", CN),
])
def test_each_encoding_is_recognised_and_read_as_nfc(data, encoding, expected):
    from fieldapp.importers import decoding, reading
    sample = reading.sniff_file(lambda: __import__("io").BytesIO(data))
    chosen = reading.choose_text_encoding(lambda: __import__("io").BytesIO(data), sample)
    assert chosen == encoding
    rows = [cells for _, cells in reading.text_rows(lambda: __import__("io").BytesIO(data),
                                                    chosen, ",")]
    assert rows[1][1] == expected.splitlines()[1].split(",")[1]
    assert unicodedata.is_normalized("NFC", rows[1][1])
    assert decoding.ORDER[0] == "utf-8-sig"


def test_cp1258_is_taken_only_for_vietnamese_looking_text():
    # Big5 and GB bytes decode under cp1258 too; they do not look Vietnamese.
    assert looks_vietnamese(cp1258(VI).decode("cp1258"))
    assert not looks_vietnamese(TW.encode("cp950").decode("cp1258"))
    assert not looks_vietnamese(CN.encode("gb18030").decode("cp1258"))
    assert not looks_vietnamese("Müller Straße Ärger")  # German: Latin, not Vietnamese
    assert not looks_vietnamese("Café Crème à la carte")  # French letters are Vietnamese ones
    # A file whose only Vietnamese letters carry two marks (ễ = ê + tilde) is still Vietnamese.
    assert looks_vietnamese(cp1258("Customer name\nNguyen Van Tien, Nguyễn\n").decode("cp1258"))


def test_cp1258_vietnamese_would_also_pass_gb18030_so_it_is_judged_first():
    data = cp1258("Tên,Công ty\nKH,Đông\n")
    data.decode("gb18030"), data.decode("cp950")  # valid in both: strictness cannot tell
    from fieldapp.importers import reading
    sample = reading.sniff_file(lambda: __import__("io").BytesIO(data))
    assert reading.choose_text_encoding(lambda: __import__("io").BytesIO(data), sample) == "cp1258"


@pytest.mark.parametrize(("data", "code"), [
    (b"", "file.empty"), (b"  \n\n", "file.empty"),
    (bytes(range(256)) * 20, "file.binary"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "file.old_excel"),
    (b"a,b\n\x81\x30\x81\x30\xff\xff\x81\x7f\n", "file.unknown_encoding"),
])
def test_files_that_are_no_text_export_are_refused_with_a_code(data, code):
    result = Import(data).result()
    assert [(p.line, p.code) for p in result.problems] == [(None, code)]
    assert not result.readable and result.rows == 0


def test_a_text_file_renamed_to_xlsx_is_refused(tmp_path):
    path = tmp_path / "receivables.xlsx"
    path.write_text("Customer code,Invoice,Amount\nC1,I1,10\n", encoding="utf-8")
    assert [p.code for p in Import(path).result().problems] == ["file.not_a_workbook"]


def test_question_marks_inside_words_are_flagged():
    data = "Customer code,Customer name,Invoice,Amount\nC1,Nguy?n V?n A,I1,10\n".encode()
    problems = Import(data).result().problems
    assert [(p.code, p.params) for p in problems] == [("text.question_marks",
                                                        {"text": "Nguy?n"})]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: nothing is written to disk
        handle.write(b"Customer code,Invoice,Amount\n")
        handle.truncate((1 << 30) + 1)
    result = Import(path).result()
    assert [(p.code, p.params["size"]) for p in result.problems] == [("file.too_large",
                                                                       (1 << 30) + 1)]
