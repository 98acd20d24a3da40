"""Search ranks where the words were found (name word > inside the name > contact > phone >
code, tax code), counts the matches and sorts by a column in the database, on generated data."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

import pytest

from fieldapp.domain.search import CustomerOrder, MatchReason, Sorting
from fieldapp.i18n.folding import fold
from fieldapp.services.portfolio import Portfolio
from fieldapp.store import search_pg, search_sql
from tests.conftest import ON_BOTH_DATABASES, TODAY

pytestmark = ON_BOTH_DATABASES

GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Linh", "Minh", "Phúc", "Quang", "Tâm", "Yến")
KINDS = ("word", "inside", "contact", "phone", "tax", "none")
RANK = {"word": 0, "inside": 1, "contact": 2, "phone": 3, "tax": 4}


@pytest.fixture
def world(builder):
    """120 customers of six kinds in random order: where 'dang' / '0903 966' sits differs."""
    rng = Random(8)
    kinds = {}
    for i in range(120):
        kind, given = rng.choice(KINDS), rng.choice(GIVEN)
        contacts, phone, tax = [(f"Lê Thị {given}", "0912 000 111")], "028 3822 0000", ""
        name = f"Cửa hàng {given} số {i}"
        if kind == "word":
            name = f"Cửa hàng Đặng {given} {i}"
        elif kind == "inside":
            name = f"Công ty Hảiđăng {given} {i}"  # 'dang' inside a word, not at its start
        elif kind == "contact":
            contacts = [(f"Đặng Văn {given}", "0977 123 456")]
        elif kind == "phone":
            phone = f"0903 966 {i:03d}"
        elif kind == "tax":
            tax = f"0903966{i:03d}"
        currency = rng.choice(("VND", "VND", "TWD"))
        cid = builder.customer(name, phone=phone, tax_code=tax, contacts=contacts,
                               currency=currency)
        kinds[cid] = kind
        # Some are overdue, in their currency (VND or TWD), some not: for the sorted columns.
        if rng.random() < 0.6:
            due = TODAY - timedelta(days=rng.randint(1, 400))
            builder.invoice(cid, f"INV{i}", due, rng.randint(1, 90) * 100_000, currency=currency)
    builder.save()
    return Portfolio(builder.store, lambda: TODAY), kinds


def every_page(portfolio, query, sorting=Sorting(), limit=7):
    pages = [portfolio.search(query, limit=limit, sorting=sorting)]
    while pages[-1].has_more:
        pages.append(portfolio.search(query, after=pages[-1].cursor, limit=limit, sorting=sorting))
    return pages


def ranked(pages):
    return [(row.id, why) for page in pages for row, why in zip(page.rows, page.reasons)]


# Few matches: one ranked statement; many: tiers (on PostgreSQL a short walk along the ids,
# then the indexes past its window, which a window of two customers reaches at once).
@pytest.mark.parametrize("cap, window", [(1_000, 2000), (5, 2000), (5, 2)])
def test_name_words_first_then_inside_names_then_contacts(world, monkeypatch, cap, window):
    monkeypatch.setattr(search_sql, "COUNT_CAP", cap)
    monkeypatch.setattr(search_pg, "WINDOW", window)
    portfolio, kinds = world
    pages = every_page(portfolio, "dang")
    found = ranked(pages)
    expected = sorted((cid for cid, k in kinds.items() if k in ("word", "inside", "contact")),
                      key=lambda cid: (RANK[kinds[cid]], cid))
    assert [cid for cid, _ in found] == expected  # every match once, best first
    reasons = {"word": MatchReason.NAME_WORD, "inside": MatchReason.NAME,
               "contact": MatchReason.CONTACT}
    assert all(why is reasons[kinds[cid]] for cid, why in found)
    assert pages[0].total == min(len(expected), cap)
    assert pages[0].total_capped == (len(expected) > cap)
    assert all(page.total is None for page in pages[1:])


@pytest.mark.parametrize("cap, window", [(1_000, 2000), (3, 2000), (3, 1)])
def test_digits_find_phones_before_tax_codes(world, monkeypatch, cap, window):
    monkeypatch.setattr(search_sql, "COUNT_CAP", cap)
    monkeypatch.setattr(search_pg, "WINDOW", window)
    portfolio, kinds = world
    found = ranked(every_page(portfolio, "0903 966"))
    expected = sorted((cid for cid, k in kinds.items() if k in ("phone", "tax")),
                      key=lambda cid: (RANK[kinds[cid]], cid))
    assert [cid for cid, _ in found] == expected
    assert {why for cid, why in found if kinds[cid] == "phone"} == {MatchReason.PHONE}
    assert {why for cid, why in found if kinds[cid] == "tax"} == {MatchReason.OTHER}


def test_a_code_is_said_to_match_by_code(world):
    portfolio, _kinds = world
    page = portfolio.search("kh00001")
    assert [r.code for r in page.rows] == [f"KH0000{i}" for i in range(10, 20)]
    assert set(page.reasons) == {MatchReason.CODE} and page.total == 10


def test_a_blank_query_lists_everyone_without_reasons(world):
    portfolio, kinds = world
    pages = every_page(portfolio, "", limit=50)
    assert [r.id for p in pages for r in p.rows] == sorted(kinds)
    assert pages[0].total == len(kinds) and not pages[0].total_capped
    assert all(why is None for p in pages for why in p.reasons)


def overdue(row, currency):
    return sum(m.minor for m in row.overdue if m.currency == currency)


@pytest.mark.parametrize("query", ["", "cua hang"])
@pytest.mark.parametrize("descending", [False, True])
def test_columns_sort_every_page_in_the_database(world, query, descending):
    portfolio, _kinds = world
    for order, key in [
        (CustomerOrder.NAME, lambda r: fold(r.name)),
        (CustomerOrder.CODE, lambda r: r.code),
        (CustomerOrder.LATE, lambda r: r.max_days_late),
    ]:
        rows = [r for p in every_page(portfolio, query, Sorting(order, descending)) for r in p.rows]
        everyone = [r for p in every_page(portfolio, query) for r in p.rows]
        assert sorted(r.id for r in rows) == sorted(r.id for r in everyone)  # same set, once
        keys = [(key(r), r.id) for r in rows]
        assert keys == sorted(keys, reverse=descending), order


def test_overdue_sorts_within_each_currency(world):
    portfolio, _kinds = world
    rows = [r for p in every_page(portfolio, "", Sorting(CustomerOrder.OVERDUE, True)) for r in p.rows]
    vnd = [overdue(r, "VND") for r in rows if any(m.currency == "VND" for m in r.overdue)]
    twd = [overdue(r, "TWD") for r in rows if any(m.currency == "TWD" for m in r.overdue)]
    assert vnd and twd and vnd == sorted(vnd, reverse=True) and twd == sorted(twd, reverse=True)
    assert rows[0].overdue and rows[0].overdue[0].currency == "VND"  # largest VND debtor first
