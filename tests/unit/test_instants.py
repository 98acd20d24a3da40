"""Instants stored in UTC and read in the user's zone; calendar days are the user's days."""

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from fieldapp.domain.instants import day_bounds, from_text, local_day, to_text, zone_named
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import MoneyReceived, Promise, Signature
from fieldapp.i18n.formatting import format_instant
from fieldapp.services import settings as cfg
from fieldapp.services.documents import DocumentKind, Documents, device_keys
from fieldapp.services.visits import Visits
from tests.conftest import Clock, ON_BOTH_DATABASES, set_zone

UTC = timezone.utc
INK = (((0.0, 0.0), (100.0, 0.0), (100.0, 60.0)),)


def test_stored_text_is_utc_with_offset_and_naive_values_are_refused():
    taipei = zone_named("Asia/Taipei")
    at = datetime(2026, 11, 29, 11, 30, 15, 999, tzinfo=taipei)
    assert to_text(at) == "2026-11-29T03:30:15+00:00"
    assert from_text(to_text(at), taipei) == at.replace(microsecond=0)
    with pytest.raises(ValueError, match="no time zone"):
        to_text(datetime(2026, 11, 29, 11, 30))


def test_old_local_text_means_the_legacy_zone():
    hcm, taipei = zone_named("Asia/Ho_Chi_Minh"), zone_named("Asia/Taipei")
    read = from_text("2026-11-29T09:00:00", taipei, legacy_zone=hcm)
    assert read.utcoffset() == timedelta(hours=8) and read.hour == 10
    assert to_text(read) == "2026-11-29T02:00:00+00:00"


def test_a_taipei_evening_is_that_taipei_day():
    taipei = zone_named("Asia/Taipei")
    late = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)  # 23:30 in Taipei
    assert local_day(late, taipei) == date(2026, 11, 22)
    assert local_day(late + timedelta(hours=1), taipei) == date(2026, 11, 23)
    assert day_bounds(date(2026, 11, 22), taipei) == ("2026-11-21T16:00:00+00:00",
                                                      "2026-11-22T16:00:00+00:00")


def test_zone_names_and_offsets():
    assert zone_named("+07:00").utcoffset(None) == timedelta(hours=7)
    assert zone_named("UTC-03:30").utcoffset(None) == -timedelta(hours=3, minutes=30)
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        zone_named("Mars/Olympus")


def test_the_ui_shows_an_instant_in_the_users_zone():
    at = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)
    assert format_instant(at, "vi", zone_named("Asia/Taipei")) == "23:30 22/11/26"
    assert format_instant(at, "vi", zone_named("Asia/Ho_Chi_Minh")) == "22:30 22/11/26"
    assert format_instant(at, "en", zone_named("Asia/Taipei")) == "11/22/26, 11:30\u202fPM"
    assert format_instant(None, "vi", UTC) == ""


@ON_BOTH_DATABASES
def test_a_bad_zone_setting_is_refused_before_it_is_stored(store):
    settings = cfg.Settings(store)
    with pytest.raises(ValueError, match="unknown time zone"):
        settings.set(cfg.TIME_ZONE, "Asia/Taipeii")
    assert settings.get(cfg.TIME_ZONE) == "Asia/Ho_Chi_Minh"


@pytest.fixture
def taipei(builder, tmp_path):
    cid = builder.customer("永豐五金行有限公司", currency="TWD", language="zh_TW", country="TW",
                           contacts=[("林美玲", "0912")])
    builder.invoice(cid, "TW-1", date(2026, 8, 1), 2_000_000, currency="TWD")
    builder.save()
    set_zone(builder.store, "Asia/Taipei")
    clock = Clock(datetime(2026, 11, 22, 15, 30, tzinfo=UTC))  # 23:30 in Taipei
    settings = cfg.Settings(builder.store)
    settings.set(cfg.COLLECTOR_NAME, "Trần Minh Khoa")
    keys = device_keys(tmp_path, settings, lambda: clock().date())
    documents = Documents(builder.store, settings, keys, clock)
    return Visits(builder.store, settings, clock, documents), documents, cid, clock


def _complete(visit, *outcomes):
    answers = {"objective": "收款", "materials": ["contract", "invoices"], "deliveries_match": "yes",
               "balances_reviewed": True, "met_contact": "林美玲", "purpose_stated": True,
               "position_reason": "cash_flow", "reminder_days": 1}
    return replace(visit, answers=answers, outcomes=outcomes,
                   customer_signature=Signature("林美玲", "會計", INK, 400, 150),
                   collector_signature=Signature("Trần Minh Khoa", "Collector", INK, 400, 150))


@ON_BOTH_DATABASES
def test_a_visit_finalized_at_2330_in_taipei_belongs_to_that_taipei_day(taipei):
    visits, documents, cid, _clock = taipei
    paid = Money(500_000, "TWD")
    final, _ = visits.finalize(_complete(
        visits.start(cid), MoneyReceived(paid, "cash", "", (Allocation(1, "TW-1", paid),)),
        Promise(Money(1_000_000, "TWD"), date(2026, 11, 30), "林美玲")))
    assert (final.finalized_at.hour, final.finalized_at.date()) == (23, date(2026, 11, 22))
    store = visits._store
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT finalized_at FROM visit")).scalar()
        days = {r[0] for r in conn.execute(text("SELECT created_on FROM outcome"))}
        paid_on = conn.execute(text("SELECT paid_on FROM payment")).scalar()
    assert stored == "2026-11-22T15:30:00+00:00"
    assert {str(d) for d in days} == {"2026-11-22"} and str(paid_on) == "2026-11-22"
    (record,) = [d for d in documents.of_visit(final.uuid) if d.kind is DocumentKind.VISIT_RECORD]
    assert (record.created_at.hour, record.created_at.date()) == (23, date(2026, 11, 22))
    assert visits.history(cid)[0].visit.finalized_at == final.finalized_at


@ON_BOTH_DATABASES
def test_agreements_of_a_taipei_day_include_its_late_evening(taipei):
    from fieldapp.domain.installments import Frequency, build_schedule
    from fieldapp.domain.visit import InstallmentPlan
    visits, documents, cid, clock = taipei
    total = Money(2_000_000, "TWD")
    plan = InstallmentPlan(total, build_schedule(total, 2, date(2026, 12, 5), Frequency.MONTHLY),
                           Frequency.MONTHLY, invoice_ids=(1,))
    visits.finalize(_complete(visits.start(cid), plan))
    assert [d.info.kind for d in documents.agreements_made_on(date(2026, 11, 22))] == [
        DocumentKind.AGREEMENT]
    assert documents.agreements_made_on(date(2026, 11, 23)) == []
    clock.value += timedelta(hours=1)  # 00:30 in Taipei: the next day, though still the 22nd in UTC
    assert visits.start(cid).started_at.date() == date(2026, 11, 23)
