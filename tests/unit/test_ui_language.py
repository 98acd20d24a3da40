"""UI languages: which one a locale asks for, typed date conventions, and the words in Settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.visit import VisitKind
from fieldapp.i18n import dates
from fieldapp.i18n.languages import environment_locales, first_language, language_for_locale
from fieldapp.services import settings as cfg
from fieldapp.services.documents import DocumentKind, Documents, device_keys
from fieldapp.services.portfolio import Portfolio
from fieldapp.services.visits import Visits
from fieldapp.store import migrations
from fieldapp.ui import formats
from tests.conftest import Clock
from tests.unit.test_documents_service import NOW, complete, money_and_plan, text


@pytest.mark.parametrize("name, expected", [
    ("vi_VN.UTF-8", "vi"), ("vi", "vi"), ("zh_TW.UTF-8", "zh_TW"), ("zh-Hant-TW", "zh_TW"),
    ("zh_HK", "zh_TW"), ("zh-Hant", "zh_TW"), ("zh_MO", "zh_TW"), ("zh_CN.UTF-8", "zh_CN"),
    ("zh-Hans-CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh", "zh_CN"), ("en_US.UTF-8", "en"),
    ("de_DE.UTF-8", None), ("C", None),
])
def test_a_locale_asks_for_one_of_our_languages(name, expected):
    assert language_for_locale(name) == expected


def test_the_first_language_we_carry_wins_else_english():
    assert first_language(["de-DE", "vi-VN", "en-US"]) == "vi"
    assert first_language(["de-DE", "fr"]) == "en"
    env = {"LANGUAGE": "de:zh_TW", "LANG": "C.UTF-8", "LC_ALL": ""}
    assert first_language(environment_locales(env)) == "zh_TW"
    assert environment_locales({"LANG": "C"}) == []


@pytest.fixture
def ui_language():
    yield formats.set_ui_language
    formats.set_ui_language("en")


@pytest.mark.parametrize("lang, day, clock, money", [
    ("vi", "06/12/2026", "14:30", "41.991.000\xa0₫"),
    ("zh_TW", "2026/12/06", "下午2:30", "₫41,991,000"),
    ("zh_CN", "2026-12-06", "14:30", "₫41,991,000"),
    ("en", "Dec 6, 2026", "2:30\u202fPM", "₫41,991,000"),
])
def test_dates_times_and_money_on_screen_follow_the_ui_language(ui_language, lang, day, clock,
                                                                money):
    ui_language(lang)
    assert formats.day(date(2026, 12, 6)) == day
    assert formats.time_of_day(time(14, 30)) == clock
    assert formats.money(Money(41_991_000, "VND")) == money
    assert formats.moment(datetime(2026, 12, 6, 14, 30)) == f"{day} {clock}"


def test_english_dates_are_never_month_first_numbers(ui_language):
    ui_language("en")
    assert formats.qt_date_format() == "yyyy-MM-dd"
    assert "12/6" not in formats.moment(datetime(2026, 12, 6, 14, 30))


@pytest.mark.parametrize("lang, typed", [
    ("vi", "6/12/2026"), ("vi", "06.12.2026"), ("vi", "06-12-2026"), ("vi", "6 12 2026"),
    ("zh_TW", "2026/12/6"), ("zh_CN", "2026-12-06"), ("en", "2026-12-06"),
])
def test_typed_dates_are_read_in_the_languages_order(lang, typed):
    assert dates.parse_day(typed, dates.convention(lang)) == date(2026, 12, 6)


@pytest.mark.parametrize("lang, typed", [
    ("vi", "12/15/2026"),  # month 15: an error, never 12 March 2027 or 15 December
    ("vi", "31/02/2026"), ("vi", "06/12/26"), ("zh_TW", "06/12/2026"), ("en", "12/06/2026"),
    ("vi", "06/12"), ("vi", "hôm nay"),
])
def test_impossible_or_ambiguous_dates_are_refused_not_corrected(lang, typed):
    with pytest.raises(ValueError):
        dates.parse_day(typed, dates.convention(lang))


def test_a_date_and_time_round_trip_in_every_language():
    moment = datetime(2026, 12, 6, 14, 30)
    for lang in dates.CONVENTIONS:
        conv = dates.convention(lang)
        typed = f"{dates.format_day(moment.date(), conv)} {dates.format_clock(moment.time())}"
        assert dates.parse_moment(typed, conv) == moment


def test_the_ui_language_setting_takes_only_our_languages(store):
    settings = cfg.Settings(store)
    assert settings.get(cfg.UI_LANGUAGE) == ""  # follow the system until chosen
    settings.set(cfg.UI_LANGUAGE, "zh_TW")
    assert settings.get(cfg.UI_LANGUAGE) == "zh_TW"
    with pytest.raises(ValueError, match="not allowed for the setting ui.language"):
        settings.set(cfg.UI_LANGUAGE, "fr")
    assert settings.get(cfg.UI_LANGUAGE) == "zh_TW"


def test_collector_titles_are_per_document_language(store):
    settings = cfg.Settings(store)
    assert settings.collector_title("vi") == "Nhân viên thu hồi nợ"
    assert settings.collector_title("zh_TW") == "催收員"
    assert settings.collector_title("en") == "Collector"
    settings.set(cfg.COLLECTOR_TITLES["vi"], "Trưởng nhóm thu hồi nợ")
    assert settings.collector_title("vi") == "Trưởng nhóm thu hồi nợ"
    assert settings.collector_title("zh_CN") == "催收员"


def test_a_title_typed_before_titles_were_per_language_stays_in_its_own_language(store):
    settings = cfg.Settings(store)
    settings.set(cfg.COLLECTOR_TITLE, "Trưởng nhóm thu hồi nợ")
    assert settings.collector_title("vi") == "Trưởng nhóm thu hồi nợ"
    assert settings.collector_title("en") == "Collector"
    settings.set(cfg.COLLECTOR_TITLE, "Collector")  # the old untouched default
    assert settings.collector_title("vi") == "Nhân viên thu hồi nợ"


@pytest.fixture
def world(builder, tmp_path):
    vi = builder.customer("Công ty TNHH Đặng Hưng", contacts=[("Nguyễn Thị Hường", "0912")])
    tw = builder.customer("永豐五金行有限公司", currency="TWD", language="zh_TW", country="TW",
                          contacts=[("林美玲", "0912")])
    for cid, currency, unit in ((vi, "VND", 1_000_000), (tw, "TWD", 100_000)):
        builder.invoice(cid, f"HD-{cid}-1", date(2026, 8, 1), 20 * unit, currency=currency)
    builder.save()
    clock = Clock(NOW)
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    keys = device_keys(tmp_path, settings, lambda: clock().date())
    documents = Documents(builder.store, settings, keys, clock)
    return Visits(builder.store, settings, clock, documents), documents, settings, \
        {"vi": vi, "zh_TW": tw}, tmp_path


@pytest.mark.parametrize("lang, person, title", [("vi", "Nguyễn Thị Hường", "Trưởng nhóm thu hồi"),
                                                  ("zh_TW", "林美玲", "催收組長")])
def test_documents_print_the_collectors_title_in_their_own_language(world, lang, person, title):
    visits, documents, settings, ids, home = world
    for code, typed in (("vi", "Trưởng nhóm thu hồi"), ("zh_TW", "催收組長"), ("en", "Team lead")):
        settings.set(cfg.COLLECTOR_TITLES[code], typed)
    _cash, plan = money_and_plan(visits._store, ids[lang])
    call = complete(visits.start(ids[lang], VisitKind.CALL), person, plan)
    final, _ = visits.finalize(replace(call, customer_signature=None, collector_signature=None))
    docs = {d.kind: d for d in documents.of_visit(final.uuid)}
    for kind in (DocumentKind.VISIT_RECORD, DocumentKind.AGREEMENT):
        printed = text(documents.pdf(docs[kind].id), home)
        assert title in printed and "Team lead" not in printed and "Collector" not in printed, kind


def test_search_finds_traditional_and_simplified_forms_of_a_name(builder):
    builder.customer("廣州貿易有限公司", currency="CNY", language="zh_CN", country="CN")
    builder.customer("台北贸易行", currency="TWD", language="zh_TW", country="TW")
    builder.save()
    portfolio = Portfolio(builder.store, lambda: NOW.date())
    names = lambda q: sorted(r.name for r in portfolio.search(q).rows)  # noqa: E731
    assert names("貿易") == names("贸易") == ["台北贸易行", "廣州貿易有限公司"]
    assert names("广州") == ["廣州貿易有限公司"]


def test_refolding_brings_old_search_documents_to_one_script(builder):
    builder.customer("廣州貿易有限公司", currency="CNY", language="zh_CN", country="CN")
    builder.save()
    store = builder.store
    with store.engine.begin() as conn:  # as written before folding knew Chinese scripts
        conn.exec_driver_sql("UPDATE customer_search SET doc = '廣州貿易有限公司'")
    portfolio = Portfolio(store, lambda: NOW.date())
    assert not portfolio.search("贸易").rows
    with store.engine.begin() as conn:
        migrations.STEPS[6](conn)  # the step an existing profile runs once
    assert [r.name for r in portfolio.search("贸易").rows] == ["廣州貿易有限公司"]
