"""The demo portfolio generator: determinism, realistic shape, ledger integrity, routes, text."""

import re
import unicodedata
from datetime import date

import pytest

from fieldapp.services import demo
from fieldapp.services.demo.rows import COLUMNS
from fieldapp.store.engine import open_store
from fieldapp.store.tables import Base

TODAY = date(2026, 11, 18)  # a Wednesday
N = 300
CJK = re.compile(r"[\u4e00-\u9fff]")
VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def _generate(path, customers=N, seed=2026, today=TODAY, progress=None):
    store = open_store(path)
    summary = demo.generate(store, customers, seed=seed, today=today, progress=progress)
    return store, summary


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    store, summary = _generate(tmp_path_factory.mktemp("demo") / "demo.db")
    yield store, summary
    store.close()


def _rows(store, sql, *params):
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params).all()


def _dump(store):
    return {t: _rows(store, f"SELECT * FROM {t} ORDER BY 1") for t in (*COLUMNS, "customer_search")}


def test_same_seed_gives_the_same_database_and_another_seed_does_not(tmp_path):
    first, _ = _generate(tmp_path / "a.db", 80, seed=7)
    second, _ = _generate(tmp_path / "b.db", 80, seed=7)
    other, _ = _generate(tmp_path / "c.db", 80, seed=8)
    try:
        assert _dump(first) == _dump(second)
        dumped, different = _dump(first), _dump(other)
        assert dumped["customer"] != different["customer"]
        assert dumped["invoice"] != different["invoice"]
    finally:
        for store in (first, second, other):
            store.close()


def test_a_customer_does_not_depend_on_the_portfolio_size(tmp_path):
    small, _ = _generate(tmp_path / "small.db", 40)
    large, _ = _generate(tmp_path / "large.db", 90)
    try:
        for table in ("customer", "contact", "contract", "invoice", "payment"):
            key = "id" if table == "customer" else "customer_id"
            sql = f"SELECT * FROM {table} WHERE {key} <= 40 ORDER BY id"
            assert _rows(small, sql) == _rows(large, sql), table
    finally:
        small.close()
        large.close()


def test_summary_counts_what_was_written(portfolio):
    store, summary = portfolio
    for field, table in (("customers", "customer"), ("contacts", "contact"),
                         ("contracts", "contract"), ("invoices", "invoice"),
                         ("deliveries", "delivery"), ("payments", "payment"),
                         ("allocations", "allocation"), ("route_stops", "route_stop")):
        assert getattr(summary, field) == _rows(store, f"SELECT COUNT(*) FROM {table}")[0][0]
    assert summary.customers == N
    assert _rows(store, "SELECT COUNT(*) FROM customer_search")[0][0] == N


def test_progress_is_reported_up_to_the_total(tmp_path):
    calls = []
    store, _ = _generate(tmp_path / "p.db", 50, progress=lambda *args: calls.append(args))
    store.close()
    assert calls and calls[-1] == (50, 50)


def test_refuses_a_store_that_already_has_customers(portfolio):
    store, _ = portfolio
    with pytest.raises(ValueError, match="empty"):
        demo.generate(store, 10, today=TODAY)


def test_row_layouts_match_the_tables():
    for table, columns in COLUMNS.items():
        assert set(columns) <= set(Base.metadata.tables[table].columns.keys()), table


@pytest.mark.parametrize("country, language, currency, prefix", [
    ("TW", "zh_TW", "TWD", "TW"), ("CN", "zh_CN", "CNY", "CN")])
def test_chinese_customers_exist_even_in_a_small_portfolio(portfolio, country, language, currency,
                                                           prefix):
    store, _ = portfolio
    rows = _rows(store, "SELECT name, code, language, currency, personality_notes FROM customer "
                        "WHERE country = ?", country)
    assert len(rows) >= 3
    for name, code, lang, cur, notes in rows:
        assert CJK.search(name) and CJK.search(notes)
        assert (code[:2], lang, cur) == (prefix, language, currency)
    assert _rows(store, "SELECT COUNT(*) FROM invoice i JOIN customer c ON c.id = i.customer_id "
                        "WHERE c.country = ? AND i.currency != ?", country, currency)[0][0] == 0


def test_most_customers_are_vietnamese(portfolio):
    store, _ = portfolio
    (vietnamese,), = _rows(store, "SELECT COUNT(*) FROM customer WHERE country = 'VN' AND "
                                  "language = 'vi' AND currency = 'VND' AND code LIKE 'KH%'")
    assert vietnamese >= 0.95 * N


def test_every_customer_has_someone_with_authority_to_pay(portfolio):
    store, _ = portfolio
    assert _rows(store, "SELECT COUNT(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM contact "
                        "WHERE customer_id = c.id AND authority_to_pay)")[0][0] == 0
    per_customer = [n for (n,) in _rows(store, "SELECT COUNT(*) FROM contact GROUP BY customer_id")]
    assert len(per_customer) == N and min(per_customer) >= 1 and max(per_customer) <= 3


def test_invoices_per_customer_vary_around_six(portfolio):
    store, _ = portfolio
    counts = [n for (n,) in _rows(store, "SELECT COUNT(*) FROM invoice GROUP BY customer_id")]
    assert len(counts) == N and min(counts) >= 1 and max(counts) <= 20
    assert 4.5 <= sum(counts) / N <= 7.5
    (payments,), = _rows(store, "SELECT COUNT(*) FROM payment")
    assert 3.5 <= payments / N <= 6


def test_open_balances_are_the_amounts_less_their_allocations(portfolio):
    store, _ = portfolio
    rows = _rows(store, "SELECT i.amount_minor, i.open_minor, COALESCE(SUM(a.amount_minor), 0) "
                        "FROM invoice i LEFT JOIN allocation a ON a.invoice_id = i.id "
                        "GROUP BY i.id")
    for amount, open_, allocated in rows:
        assert type(amount) is int and type(open_) is int
        assert open_ == amount - allocated and 0 <= open_ <= amount


def test_allocations_add_up_to_their_payment(portfolio):
    store, _ = portfolio
    rows = _rows(store, "SELECT p.amount_minor, SUM(a.amount_minor), COUNT(a.id), "
                        "MIN(a.amount_minor) FROM payment p JOIN allocation a "
                        "ON a.payment_id = p.id GROUP BY p.id")
    assert len(rows) == _rows(store, "SELECT COUNT(*) FROM payment")[0][0]
    assert all(amount == total and smallest > 0 for amount, total, _, smallest in rows)
    assert any(n > 1 for _, _, n, _ in rows)  # one transfer often settles several invoices


def test_dates_are_consistent_and_never_after_today(portfolio):
    store, _ = portfolio
    today = TODAY.isoformat()
    assert _rows(store, "SELECT COUNT(*) FROM invoice WHERE due_on < issued_on OR issued_on > ?",
                 today)[0][0] == 0
    assert _rows(store, "SELECT COUNT(*) FROM payment WHERE paid_on > ?", today)[0][0] == 0
    assert _rows(store, "SELECT COUNT(*) FROM delivery WHERE delivered_on > ?", today)[0][0] == 0
    assert _rows(store, "SELECT COUNT(*) FROM allocation a JOIN payment p ON p.id = a.payment_id "
                        "JOIN invoice i ON i.id = a.invoice_id WHERE p.paid_on <= i.issued_on "
                        "OR p.currency != i.currency OR p.customer_id != i.customer_id")[0][0] == 0
    assert _rows(store, "SELECT COUNT(*) FROM invoice i JOIN contract k ON k.id = i.contract_id "
                        "WHERE k.customer_id != i.customer_id OR k.signed_on > i.issued_on OR "
                        "julianday(i.due_on) - julianday(i.issued_on) != k.net_days")[0][0] == 0


def test_amounts_are_whole_units_of_their_currency(portfolio):
    store, _ = portfolio
    assert _rows(store, "SELECT COUNT(*) FROM invoice WHERE (currency = 'VND' AND "
                        "amount_minor % 1000 != 0) OR (currency != 'VND' AND "
                        "amount_minor % 100 != 0)")[0][0] == 0
    (low, high), = _rows(store, "SELECT MIN(amount_minor), MAX(amount_minor) FROM invoice "
                                "WHERE currency = 'VND'")
    assert low >= 50_000 and 100_000_000 <= high <= 10_000_000_000


def test_most_customers_have_little_90_plus_debt_and_some_have_a_lot(portfolio):
    store, _ = portfolio
    cutoff = date.fromordinal(TODAY.toordinal() - 90).isoformat()
    rows = _rows(store, "SELECT c.id, COALESCE(SUM(CASE WHEN i.due_on < ? THEN i.open_minor "
                        "END), 0), SUM(i.amount_minor) FROM customer c JOIN invoice i "
                        "ON i.customer_id = c.id GROUP BY c.id", cutoff)
    with_90 = [(old, total) for _, old, total in rows if old > 0]
    assert len(with_90) < 0.3 * N
    assert sum(1 for old, total in with_90 if old > 0.2 * total) >= 0.02 * N
    statuses = dict(_rows(store, "SELECT business_status, COUNT(*) FROM customer GROUP BY 1"))
    assert statuses["active"] > 0.7 * N and statuses.get("slowing", 0) > 0


def test_deliveries_record_shortages_and_damage_against_invoices(portfolio):
    store, _ = portfolio
    rows = _rows(store, "SELECT d.status, d.ordered_qty, d.delivered_qty, d.discrepancy, "
                        "i.customer_id = d.customer_id FROM delivery d JOIN invoice i "
                        "ON i.id = d.invoice_id")
    statuses = {status for status, *_ in rows}
    assert statuses == {"complete", "partial", "problem"}
    for status, ordered, delivered, text, same_customer in rows:
        assert same_customer and ordered > 0
        if status == "complete":
            assert delivered == ordered and text == ""
        elif status == "partial":
            assert 0 < delivered < ordered and text
        else:
            assert text
    assert _rows(store, "SELECT COUNT(*) FROM invoice i WHERE disputed AND NOT EXISTS "
                        "(SELECT 1 FROM delivery WHERE invoice_id = i.id "
                        "AND status != 'complete')")[0][0] == 0
    assert _rows(store, "SELECT COUNT(*) FROM invoice WHERE disputed")[0][0] > 0
    assert _rows(store, "SELECT COUNT(*) FROM delivery WHERE discrepancy LIKE 'Thiếu %'")[0][0] > 0


def test_payments_are_mostly_transfers_with_references(portfolio):
    store, _ = portfolio
    methods = dict(_rows(store, "SELECT method, COUNT(*) FROM payment GROUP BY 1"))
    assert set(methods) <= {"cash", "transfer", "cheque", "post_dated_cheque"}
    assert methods["transfer"] > 0.6 * sum(methods.values())
    assert _rows(store, "SELECT COUNT(*) FROM payment WHERE reference = ''")[0][0] == 0
    assert _rows(store, "SELECT COUNT(*) FROM payment WHERE method = 'cash' AND currency = 'VND' "
                        "AND amount_minor >= 20000000")[0][0] == 0


def test_todays_route_visits_8_to_14_overdue_customers_in_order(portfolio):
    store, _ = portfolio
    today = TODAY.isoformat()
    stops = _rows(store, "SELECT r.seq, r.planned_time, r.purpose, c.name, c.province, "
                         "(SELECT COUNT(*) FROM invoice WHERE customer_id = c.id "
                         "AND open_minor > 0 AND due_on < ?) FROM route_stop r "
                         "JOIN customer c ON c.id = r.customer_id WHERE r.route_date = ? "
                         "ORDER BY r.seq", today, today)
    assert 8 <= len(stops) <= 14
    assert [s[0] for s in stops] == list(range(1, len(stops) + 1))
    times = [s[1] for s in stops]
    assert times == sorted(times) and all(re.fullmatch(r"\d\d:\d\d", t) for t in times)
    assert all(s[2] and s[5] > 0 for s in stops)
    assert any(CJK.search(s[3]) for s in stops)
    # One area a day: a district when it has enough overdue customers, else one province.
    assert len({s[4] for s in stops if not CJK.search(s[3])}) == 1


def test_routes_cover_the_next_four_working_days(portfolio):
    store, _ = portfolio
    days = [date.fromisoformat(d) for (d,) in _rows(store, "SELECT DISTINCT route_date FROM "
                                                           "route_stop ORDER BY 1")]
    assert days[0] == TODAY and len(days) == 5
    assert all(d.weekday() < 5 for d in days[1:])
    (repeats,), = _rows(store, "SELECT COUNT(*) - COUNT(DISTINCT customer_id) FROM route_stop")
    assert repeats == 0


def test_text_is_nfc_and_vietnamese_has_its_diacritics(portfolio):
    store, _ = portfolio
    texts = [v for table in ("customer", "contact", "contract", "delivery", "route_stop")
             for row in _rows(store, f"SELECT * FROM {table}") for v in row if isinstance(v, str)]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    vietnamese = " ".join(n + a for n, a in _rows(store, "SELECT name, address FROM customer "
                                                         "WHERE language = 'vi'"))
    assert {"Đ", "đ"} <= set(vietnamese)
    assert len(VIETNAMESE_MARKS & set(vietnamese.lower())) >= 20
    assert re.search(r"\b(Nguyễn|Trần|Lê|Phạm)\b", vietnamese)
    assert "Công ty TNHH" in vietnamese and "Phường" in vietnamese


def test_contact_emails_are_ascii(portfolio):
    store, _ = portfolio
    emails = [e for (e,) in _rows(store, "SELECT email FROM contact WHERE email != ''")]
    assert emails and all(e.isascii() and re.fullmatch(r"[a-z0-9.]+@[a-z0-9.]+", e) for e in emails)


def test_tax_codes_carry_valid_check_digits(portfolio):
    store, _ = portfolio
    codes = [t for (t,) in _rows(store, "SELECT tax_code FROM customer WHERE country = 'VN'")]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert re.fullmatch(r"\d{10}", code)
        assert 10 - sum(int(d) * w for d, w in zip(code, MST_WEIGHTS)) % 11 == int(code[9])


def test_a_larger_portfolio_routes_each_day_through_one_district(tmp_path):
    store, _ = _generate(tmp_path / "large.db", 3000)
    try:
        rows = _rows(store, "SELECT r.route_date, c.province, c.district FROM route_stop r "
                            "JOIN customer c ON c.id = r.customer_id WHERE c.country = 'VN'")
    finally:
        store.close()
    areas = {}
    for day, province, district in rows:
        areas.setdefault(day, set()).add((province, district))
    assert len(areas) == 5 and all(len(a) == 1 for a in areas.values())
    assert len(set().union(*areas.values())) == 5  # a different district every day
