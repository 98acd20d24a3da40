"""Search as you type: folding, Chinese substrings, codes, phones, contacts, paging."""

from datetime import date

import pytest

from fieldapp.services.portfolio import Portfolio
from tests.conftest import ON_BOTH_DATABASES, TODAY

pytestmark = ON_BOTH_DATABASES


@pytest.fixture
def portfolio(builder):
    b = builder
    b.customer("Công ty TNHH Thương mại Đặng Hưng", tax_code="0301234567", phone="0903 966 729",
               contacts=[("Nguyễn Thị Hường", "0912-345-678")])
    b.customer("Cửa hàng Vật liệu Xây dựng Trần Quốc Tuấn", phone="028 3822 1234",
               contacts=[("Lê Văn Đức", "0988 111 222")])
    b.customer("台北市永豐五金行有限公司", code="TW000003", currency="TWD", language="zh_TW",
               tax_code="24567890")
    b.customer("深圳市华强电子贸易有限公司", code="CN000004", currency="CNY", language="zh_CN")
    b.customer("Đại lý Nguyễn Văn Ánh", contacts=[("Đặng Thị Mai", "0977 000 111")])
    b.save()
    return Portfolio(b.store, lambda: TODAY)


def codes(portfolio, query):
    return [c.code for c in portfolio.search(query).rows]


@pytest.mark.parametrize("query, expected", [
    ("dang", ["KH000001", "KH000005"]),           # Đặng in a name, and in a contact person
    ("ĐẶNG", ["KH000001", "KH000005"]),
    ("nguyen", ["KH000005", "KH000001"]),         # Nguyễn in a name first, then as a contact
    ("huong", ["KH000001"]),                      # Hưng? no: Hường, the contact
    ("tran quoc", ["KH000002"]),
    ("quoc tuan", ["KH000002"]),
    ("vat lieu xay", ["KH000002"]),
    ("duc", ["KH000002"]),                        # Đức, two letters + folded Đ
])
def test_unaccented_vietnamese_finds_accented_names(portfolio, query, expected):
    assert codes(portfolio, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("永", ["TW000003"]), ("五金", ["TW000003"]), ("永豐五金行", ["TW000003"]),
    ("华强", ["CN000004"]), ("有限公司", ["TW000003", "CN000004"]), ("日", []),
    # Traditional and Simplified forms of the same characters find each other.
    ("貿", ["CN000004"]), ("電子貿易", ["CN000004"]), ("永丰五金", ["TW000003"]),
    ("華強電子", ["CN000004"]),
])
def test_chinese_names_found_by_any_substring(portfolio, query, expected):
    assert codes(portfolio, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("kh000002", ["KH000002"]), ("tw0000", ["TW000003"]), ("0301234", ["KH000001"]),
    ("2456789", ["TW000003"]), ("0903 966", ["KH000001"]), ("0903966729", ["KH000001"]),
    ("3822-1234", ["KH000002"]), ("0988", ["KH000002"]), ("345-678", ["KH000001"]),
])
def test_codes_tax_codes_and_phones(portfolio, query, expected):
    assert codes(portfolio, query) == expected


def test_no_match_and_blank_query(portfolio):
    assert codes(portfolio, "zzzz") == []
    assert len(codes(portfolio, "   ")) == 5


def test_quotes_and_fts_syntax_are_plain_text(portfolio):
    assert codes(portfolio, '"dang" OR nguyen*') == []
    assert codes(portfolio, "AND") == []


def test_pages_follow_on_without_gaps_or_repeats(builder):
    for i in range(23):
        builder.customer(f"Cửa hàng Nguyễn số {i}")
    builder.customer("Công ty Lê")
    builder.save()
    portfolio = Portfolio(builder.store, lambda: TODAY)
    first = portfolio.search("nguyen", limit=10)
    second = portfolio.search("nguyen", after=first.cursor, limit=10)
    third = portfolio.search("nguyen", after=second.cursor, limit=10)
    ids = [c.id for page in (first, second, third) for c in page.rows]
    assert first.has_more and second.has_more and not third.has_more
    assert ids == list(range(1, 24))  # each name match once; 'Công ty Lê' is none
    assert first.total == 23 and second.total is None


def test_summary_rows_carry_overdue_per_currency(builder):
    cid = builder.customer("Đặng Hưng")
    builder.invoice(cid, "A", date(2026, 10, 1), 5_000_000)
    builder.invoice(cid, "B", date(2026, 11, 10), 2_000_000, open_=500_000)
    builder.invoice(cid, "C", date(2026, 12, 30), 9_000_000)      # not yet due
    builder.invoice(cid, "D", date(2026, 9, 1), 7_000_000, open_=0)  # settled
    builder.invoice(cid, "E", date(2026, 11, 1), 12_345, currency="TWD")
    builder.save()
    row = Portfolio(builder.store, lambda: TODAY).search("dang").rows[0]
    assert {(m.currency, m.minor) for m in row.overdue} == {("VND", 5_500_000), ("TWD", 12_345)}
    assert row.max_days_late == (TODAY - date(2026, 10, 1)).days


def test_refresh_follows_a_renamed_contact_and_rebuild_batches(builder, monkeypatch):
    from fieldapp.store import search_index
    for i in range(7):
        builder.customer(f"Cửa hàng số {i}", contacts=[(f"Người {i}", "")])
    builder.save()
    portfolio = Portfolio(builder.store, lambda: TODAY)
    with builder.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE contact SET name = 'Đoàn Thị Yến' WHERE customer_id = 3")
        search_index.refresh(conn, [3])
    assert codes(portfolio, "doan thi yen") == ["KH000003"]
    monkeypatch.setattr(search_index, "BATCH", 2)
    with builder.store.engine.begin() as conn:
        assert search_index.rebuild(conn) == 7
    assert codes(portfolio, "cua hang so") == [f"KH{i:06d}" for i in range(1, 8)]
    assert codes(portfolio, "yen") == ["KH000003"]


def test_bulk_writes_store_nfc(builder):
    import unicodedata
    builder.customer(unicodedata.normalize("NFD", "Công ty Đặng Hưng"))
    builder.save()
    with builder.store.engine.connect() as conn:
        name = conn.exec_driver_sql("SELECT name FROM customer").scalar()
    assert name == unicodedata.normalize("NFC", name) == "Công ty Đặng Hưng"
